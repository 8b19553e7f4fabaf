import "server-only";
import { evaluateHeldOut } from "@/core/engines/scaling/evaluate-held-out";
import { chartSeries, DEFAULT_CLUSTER_PARAMS, hospitalForCapacity } from "@/core/engines/scaling/simulation-params";
import type { ClusterParams } from "@/core/engines/scaling/types";
import { currentPriceTable } from "../resources/price-table";
import { measuredParams } from "./measured-params";

export interface SimulationReport {
  params: ClusterParams;
  /** Where capacity and start-up time came from. */
  paramsSource: { kind: "measured"; at: string } | { kind: "default" };
  source: "synthetic";
  trainingWeeks: number;
  forecaster: string;
  rows: { policy: string; underProvisionedMinutes: number; replicaHours: number; cost: number }[];
  /** The price table the costs use (the Resources page's; version 0 = its defaults). */
  prices: { version: number; savedAt: string | null };
  goal: { underReduction: number; replicaHoursRatio: number; met: boolean };
  chart: Record<string, number>[];
  policies: string[];
}

let cached: Promise<Omit<SimulationReport, "prices">> | null = null;

/** The held-out-week comparison, priced with the current price table (the cost is replica-hours × its replica-hour price). */
export async function simulationReport(): Promise<SimulationReport> {
  const [report, table] = await Promise.all([simulation(), currentPriceTable()]);
  const price = table.prices.replicaHour;
  return {
    ...report,
    params: { ...report.params, pricePerReplicaHour: price },
    rows: report.rows.map((r) => ({ ...r, cost: r.replicaHours * price })),
    prices: { version: table.version, savedAt: table.savedAt },
  };
}

/** The simulation itself, computed once per process (deterministic: same seed, same result). */
function simulation(): Promise<Omit<SimulationReport, "prices">> {
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
