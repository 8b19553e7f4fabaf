import "server-only";
import { db } from "../../db/prisma";
import type { ScaledService } from "@/core/engines/scaling/policy";

export interface ScalerDecision {
  id: string;
  decidedAt: string;
  mode: "live" | "dry-run";
  fromWorkers: number;
  toWorkers: number;
  rule: string;
  metrics: Record<string, number | null>;
  outcome: "applied" | "unchanged" | "failed" | "dry-run";
  error: string | null;
}

/** The newest decisions of the local scaler, oldest first (for the timeline). */
export async function recentDecisions(service: ScaledService = "clinical", limit = 120): Promise<ScalerDecision[]> {
  const rows = await (await db()).scalingDecision.findMany({ where: { service }, orderBy: { decidedAt: "desc" }, take: limit });
  return rows.reverse().map((r) => ({
    id: String(r.id), decidedAt: r.decidedAt.toISOString(), mode: r.mode as ScalerDecision["mode"], fromWorkers: r.fromWorkers, toWorkers: r.toWorkers,
    rule: r.rule, metrics: r.metrics as ScalerDecision["metrics"], outcome: r.outcome as ScalerDecision["outcome"], error: r.error,
  }));
}

/** Logs one decision with the metric values it used and the rule that fired. */
export async function recordDecision(d: Omit<ScalerDecision, "id" | "decidedAt">, service: ScaledService = "clinical"): Promise<void> {
  await (await db()).scalingDecision.create({ data: { service, mode: d.mode, fromWorkers: d.fromWorkers, toWorkers: d.toWorkers, rule: d.rule, metrics: d.metrics, outcome: d.outcome, error: d.error } });
}
