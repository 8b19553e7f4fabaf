import "server-only";
import { db } from "../../../db/prisma";
import type { Actor } from "../../../auth/actor";
import type { Prisma } from "../../../generated/prisma/client";
import { compareRuns } from "@/core/engines/regression/run-comparison";
import { meanChanges, type WindowMean } from "@/core/engines/db-insight/query-means";
import { comparableRun } from "../../baselines/comparable-run";
import { applyForOptimize, type AppliedForOptimize, type OptimizeAdvice } from "./advisor-calls";
import { measuredRun } from "./measured-run";
import { failSession, setStep } from "./steps";

/** Second half: apply every advised index, the same run again, the verdict and per-query means. */
export async function runAfterPhase(sessionId: string, actor: Actor, reason: string): Promise<void> {
  const prisma = await db();
  try {
    const s = await prisma.optimizeSession.findUniqueOrThrow({ where: { id: sessionId }, include: { steps: true } });
    await setStep(sessionId, "confirm", "done", { by: actor.email, reason });
    await setStep(sessionId, "apply", "running");
    const advice = s.advice as unknown as OptimizeAdvice;
    const applied: AppliedForOptimize[] = [];
    for (const suggestion of advice.suggestions) {
      applied.push(await applyForOptimize(actor, suggestion.id, reason));
      await setStep(sessionId, "apply", "running", { applied });
    }
    await setStep(sessionId, "apply", "done", { applied });
    await setStep(sessionId, "after-run", "running");
    const after = await measuredRun(actor, s.scenario, s.target, s.durationS, async (runId) => {
      await prisma.optimizeSession.update({ where: { id: sessionId }, data: { afterRunId: runId } });
      await setStep(sessionId, "after-run", "running", { runId });
    });
    await setStep(sessionId, "after-run", "done", { runId: after.runId, status: after.status });
    await setStep(sessionId, "verdict", "running");
    const result = await verdictFor(s.baselineRunId!, after.runId, s.steps.find((x) => x.kind === "insight")?.detail, after.means);
    await setStep(sessionId, "verdict", "done", { verdict: result.verdict });
    // The applied-index rows keep the figures measured after them (who/when/why is already there).
    for (const a of applied) {
      await prisma.appliedIndex.update({ where: { id: a.appliedIndexId }, data: { after: { optimizeSessionId: sessionId, verdict: result.verdict, queries: result.queries } as unknown as Prisma.InputJsonValue } });
    }
    await prisma.optimizeSession.update({ where: { id: sessionId }, data: { status: "done", result: result as unknown as Prisma.InputJsonValue, finishedAt: new Date() } });
  } catch (err) {
    await failSession(sessionId, err).catch(() => {});
  }
}

/** The regression engine's verdict of the after-run against the baseline, plus per-query means. */
async function verdictFor(baselineRunId: string, afterRunId: string, insightDetail: unknown, afterMeans: WindowMean[]) {
  const prisma = await db();
  const [b, a] = await Promise.all([prisma.loadTestRun.findUniqueOrThrow({ where: { id: baselineRunId } }), prisma.loadTestRun.findUniqueOrThrow({ where: { id: afterRunId } })]);
  const baseline = comparableRun(b);
  const candidate = comparableRun(a);
  const queries = meanChanges((insightDetail as { means?: WindowMean[] } | null)?.means ?? [], afterMeans);
  if (!baseline || !candidate) return { verdict: "insufficient-data" as const, comparisons: [], explanation: ["A run has no 10-second windows to compare."], queries };
  const v = compareRuns(baseline, candidate);
  return { verdict: v.verdict, comparisons: v.comparisons, errors: v.errors, explanation: v.explanation, queries };
}
