import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { runIdSchema } from "../../validations/run";
import { compareRuns } from "../../engines/regression/run-comparison";
import type { VerdictResult } from "../../engines/regression/types";
import { invalidInput } from "../validation-error";
import { comparableRun } from "./comparable-run";

export interface BaselineComparison {
  baseline: { runId: string; promotedAt: string; noise: number | null; noiseRunId: string | null } | null;
  result: VerdictResult | null;
  /** Why there is no verdict (no baseline, this is the baseline, still running…). */
  reason: string | null;
}

/** The run's three-way verdict against the baseline of its scenario and target. */
export async function compareWithBaseline(actor: Actor | null, input: unknown): Promise<BaselineComparison> {
  await authorize(actor, "console.view", { action: "baseline.compare" });
  const parsed = runIdSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const prisma = await db();
  const run = await prisma.loadTestRun.findUnique({ where: { id: parsed.data.runId } });
  if (!run) return { baseline: null, result: null, reason: "No such run." };
  const b = await prisma.baseline.findUnique({ where: { scenario_target: { scenario: run.scenario, target: run.target } }, include: { run: true } });
  const baseline = b && { runId: b.runId, promotedAt: b.createdAt.toISOString(), noise: b.noise, noiseRunId: b.noiseRunId };
  if (!b) return { baseline: null, result: null, reason: `No baseline is promoted for ${run.scenario} on ${run.target} yet.` };
  if (b.runId === run.id) return { baseline, result: null, reason: "This run is the baseline." };
  const candidate = comparableRun(run);
  if (!candidate) return { baseline, result: null, reason: run.status === "running" ? "The comparison appears when the run finishes." : "This run has no 10-second windows to compare." };
  const reference = comparableRun(b.run);
  if (!reference) return { baseline, result: null, reason: "The baseline run has no 10-second windows." };
  return { baseline, result: compareRuns(reference, candidate, { noise: b.noise ?? undefined }), reason: null };
}
