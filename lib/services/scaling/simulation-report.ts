import "server-only";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { evaluateHeldOut } from "@/core/engines/scaling/evaluate-held-out";
import { chartSeries, DEFAULT_CLUSTER_PARAMS, hospitalForCapacity } from "@/core/engines/scaling/simulation-params";
import type { ClusterParams } from "@/core/engines/scaling/types";

export interface SimulationReport {
  params: ClusterParams;
  /** Where capacity and start-up time came from. */
  paramsSource: { kind: "measured"; at: string } | { kind: "default" };
  source: "synthetic";
  trainingWeeks: number;
  forecaster: string;
  rows: { policy: string; underProvisionedMinutes: number; replicaHours: number; cost: number }[];
  goal: { underReduction: number; replicaHoursRatio: number; met: boolean };
  chart: Record<string, number>[];
  policies: string[];
}

/** bench/results/scaling.json, when `npm run bench:scaling` has measured capacity and start-up. */
function measuredParams(): { params: ClusterParams; at: string } | null {
  try {
    const r = JSON.parse(readFileSync(resolve(process.cwd(), "bench/results/scaling.json"), "utf8")) as { at: string; params: ClusterParams };
    return r.params?.perReplicaCapacityRps > 0 ? { params: r.params, at: r.at } : null;
  } catch {
    return null;
  }
}

let cached: Promise<SimulationReport> | null = null;

/** The held-out-week comparison, computed once per process (deterministic: same seed, same result). */
export function simulationReport(): Promise<SimulationReport> {
  cached ??= (async () => {
    const measured = measuredParams();
    const params = measured?.params ?? DEFAULT_CLUSTER_PARAMS;
    const r = await evaluateHeldOut(hospitalForCapacity(params.perReplicaCapacityRps), params);
    return {
      params,
      paramsSource: measured ? { kind: "measured", at: measured.at } : { kind: "default" },
      source: "synthetic",
      trainingWeeks: r.trainingWeeks,
      forecaster: r.forecaster,
      rows: r.results.map((x) => ({ policy: x.policy, underProvisionedMinutes: x.underProvisionedMinutes, replicaHours: x.replicaHours, cost: x.cost })),
      goal: r.goal,
      chart: chartSeries(r.heldOut.perMinute, r.results.map((x) => ({ policy: x.policy, perMinute: x.capacityPerMinute })), 10),
      policies: r.results.map((x) => x.policy),
    };
  })();
  cached.catch(() => (cached = null));
  return cached;
}
