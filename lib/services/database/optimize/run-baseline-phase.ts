import "server-only";
import { db } from "../../../db/prisma";
import type { Actor } from "../../../auth/actor";
import type { Prisma } from "../../../generated/prisma/client";
import { adviseForOptimize } from "./advisor-calls";
import { failSession, setStep } from "./steps";
import { measuredRun } from "./measured-run";

/** First half: baseline run, insight (per-query means during it), advice; then waits for an admin. */
export async function runBaselinePhase(sessionId: string, actor: Actor): Promise<void> {
  const prisma = await db();
  try {
    const s = await prisma.optimizeSession.findUniqueOrThrow({ where: { id: sessionId } });
    await setStep(sessionId, "baseline", "running");
    const run = await measuredRun(actor, s.scenario, s.target, s.durationS, async (runId) => {
      await prisma.optimizeSession.update({ where: { id: sessionId }, data: { baselineRunId: runId } });
      await setStep(sessionId, "baseline", "running", { runId });
    });
    await setStep(sessionId, "baseline", "done", { runId: run.runId, status: run.status });
    await setStep(sessionId, "insight", "done", { means: run.means });
    await setStep(sessionId, "advice", "running");
    const advice = await adviseForOptimize(actor);
    await setStep(sessionId, "advice", "done", { method: advice.method, count: advice.suggestions.length });
    if (advice.suggestions.length === 0) {
      for (const k of ["confirm", "apply", "after-run", "verdict"] as const) await setStep(sessionId, k, "skipped");
      await prisma.optimizeSession.update({ where: { id: sessionId }, data: { status: "done", advice: advice as unknown as Prisma.InputJsonValue, result: { nothingToApply: true }, finishedAt: new Date() } });
      return;
    }
    await setStep(sessionId, "confirm", "running");
    await prisma.optimizeSession.update({ where: { id: sessionId }, data: { status: "awaiting-confirmation", advice: advice as unknown as Prisma.InputJsonValue } });
  } catch (err) {
    await failSession(sessionId, err).catch(() => {});
  }
}
