import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { runIdSchema } from "../../validations/run";
import { invalidInput } from "../validation-error";
import { cancelLiveRun } from "./supervisor";

/** Stops a running run (ops, admin); what it measured so far is kept. Audited. */
export async function abortRun(actor: Actor | null, input: unknown): Promise<void> {
  const user = await authorize(actor, "loadtest.run", { action: "run.abort" });
  const parsed = runIdSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const prisma = await db();
  const run = await prisma.loadTestRun.findUnique({ where: { id: parsed.data.runId }, select: { id: true, status: true } });
  if (!run) throw new AppError("NOT_FOUND", "No such run.");
  if (run.status !== "running" || !cancelLiveRun(run.id)) throw new AppError("CONFLICT", "This run is not running in this console.");
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, { actorId: user.id, actor: user.email, actorRole: user.role, action: "run.abort", target: run.id, sourceIp: user.sourceIp, outcome: "success" }),
  );
}
