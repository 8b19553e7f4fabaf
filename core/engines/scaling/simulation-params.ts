import { DEFAULT_PRICES } from "../cost/prices";
import { syntheticHospitalWeeks } from "./synthetic-week";
import type { ClusterParams } from "./types";

/**
 * Cluster parameters used when the bench has not measured them (stated as defaults wherever
 * shown): a replica serving 20 req/s within its p95 target, and a 30 s start-up (a typical pod:
 * scheduling, image already cached, readiness probe). `npm run bench:scaling` measures both on the
 * real clinical service and the Scaling page then uses the measured values.
 */
export const DEFAULT_CLUSTER_PARAMS: ClusterParams = {
  perReplicaCapacityRps: 20,
  startupSeconds: 30,
  minReplicas: 2,
  maxReplicas: 40,
  pricePerReplicaHour: DEFAULT_PRICES.replicaHour,
};

/** Seeds of the synthetic hospital: one for choosing parameters (validation), one for the report. */
export const SIMULATION_SEEDS = { validation: 7, report: 42 } as const;
/** Weeks generated for the report: three to fit, the fourth held out. */
export const SIMULATION_WEEKS = 4;

/** Downsampled series for charts: demand (max) and each policy's ready capacity (min) per bucket. */
export function chartSeries(demand: number[], capacities: { policy: string; perMinute: number[] }[], bucketMinutes: number) {
  const points: Record<string, number>[] = [];
  for (let i = 0; i < demand.length; i += bucketMinutes) {
    const p: Record<string, number> = { minute: i, demand: Math.round(Math.max(...demand.slice(i, i + bucketMinutes))) };
    for (const c of capacities) p[c.policy] = Math.min(...c.perMinute.slice(i, i + bucketMinutes));
    points.push(p);
  }
  return points;
}

/**
 * The synthetic hospital sized in replicas: its demand (written for 20 req/s replicas, peak about
 * 13 replicas) is scaled so one replica is `capacityRps`. Only demand ÷ capacity matters to the
 * simulation, so a measured capacity changes the labels, not the comparison; start-up time does.
 */
export function hospitalForCapacity(capacityRps: number, seed: number = SIMULATION_SEEDS.report) {
  const trace = syntheticHospitalWeeks(SIMULATION_WEEKS, seed);
  const k = capacityRps / DEFAULT_CLUSTER_PARAMS.perReplicaCapacityRps;
  return { ...trace, perMinute: trace.perMinute.map((d) => d * k) };
}
