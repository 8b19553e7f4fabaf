import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { runComparisonSchema } from "../../validations/run";
import { compareRuns } from "@/core/engines/regression/run-comparison";
import type { VerdictResult } from "@/core/engines/regression/types";
import { invalidInput } from "../validation-error";
import { comparableRun } from "./comparable-run";

export interface BaselineComparison {
  baseline: { runId: string; promotedAt: string; noise: number | null; noiseRunId: string | null } | null;
  result: VerdictResult | null;
  /** Why there is no verdict (no baseline, this is the baseline, still running…). */
  reason: string | null;
  /** The absolute floor asked for on the run page (ms), or null for the default (5% of the baseline p95, at least 1 ms). */
  minEffectMs: number | null;
}

/** The run's verdict against the baseline of its scenario and target (`minEffectMs`: the absolute floor, optional). */
export async function compareWithBaseline(actor: Actor | null, input: unknown): Promise<BaselineComparison> {
  await authorize(actor, "console.view", { action: "baseline.compare" });
  const parsed = runComparisonSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const minEffectMs = parsed.data.minEffectMs ?? null;
  const none = (baseline: BaselineComparison["baseline"], reason: string): BaselineComparison => ({ baseline, result: null, reason, minEffectMs });
  const prisma = await db();
  const run = await prisma.loadTestRun.findUnique({ where: { id: parsed.data.runId } });
  if (!run) return none(null, "No such run.");
  const b = await prisma.baseline.findUnique({ where: { scenario_target: { scenario: run.scenario, target: run.target } }, include: { run: true } });
  const baseline = b && { runId: b.runId, promotedAt: b.createdAt.toISOString(), noise: b.noise, noiseRunId: b.noiseRunId };
  if (!b) return none(null, `No baseline is promoted for ${run.scenario} on ${run.target} yet.`);
  if (b.runId === run.id) return none(baseline, "This run is the baseline.");
  const candidate = comparableRun(run);
  if (!candidate) return none(baseline, run.status === "running" ? "The comparison appears when the run finishes." : "This run has no windows to compare.");
  const reference = comparableRun(b.run);
  if (!reference) return none(baseline, "The baseline run has no windows.");
  const result = compareRuns(reference, candidate, { noise: b.noise ?? undefined, absoluteFloorMs: minEffectMs ?? undefined });
  return { baseline, result, reason: null, minEffectMs };
}
