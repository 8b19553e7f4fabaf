import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../../../db/prisma";
import { AppError } from "../../../errors";

const POLL_MS = 1000;
/** Past the run's own length: start-up of the run process and the final write. */
const GRACE_S = 120;

/** Waits until the load-test run leaves `running`; bounded by its duration plus a grace period. */
export async function waitForRun(runId: string, durationS: number): Promise<{ status: string }> {
  const deadline = Date.now() + (durationS + GRACE_S) * 1000;
  const prisma = await db();
  while (Date.now() < deadline) {
    const run = await prisma.loadTestRun.findUnique({ where: { id: runId }, select: { status: true, finishedAt: true } });
    if (!run) throw new AppError("NOT_FOUND", "The load-test run disappeared.");
    if (run.status !== "running" && run.status !== "queued") return { status: run.status };
    await sleep(POLL_MS);
  }
  throw new AppError("UNAVAILABLE", `The load-test run did not finish within ${durationS + GRACE_S} s.`);
}
