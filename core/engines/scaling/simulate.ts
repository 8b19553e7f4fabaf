import type { ClusterParams, Controller, DemandTrace, SimulationResult } from "./types";

/** Simulation resolution: capacity is checked every 5 s; controllers act on their own sync period. */
export const SIM_STEP_SECONDS = 5;

/** Average per-minute demand over (t - w, t], treating each minute's rate as constant. */
export function windowAverage(prefix: number[], perMinute: number[], t: number, w: number): number {
  const integral = (s: number) => {
    if (s <= 0) return 0;
    const m = Math.min(Math.floor(s / 60), perMinute.length);
    const partial = m < perMinute.length ? perMinute[m]! * (s - m * 60) : 0;
    return prefix[m]! * 60 + partial;
  };
  const from = Math.max(0, t - w);
  return t > from ? (integral(t) - integral(from)) / (t - from) : perMinute[0]!;
}

/**
 * Replay a demand trace against one controller. New replicas serve traffic `startupSeconds` after
 * they are requested; removed replicas stop at once (newest first). A minute is under-provisioned
 * when, at any check within it, demand exceeds ready replicas × per-replica capacity (capacity
 * meaning: the rate one replica serves within its p95 latency target). Replica-hours count every
 * requested replica, starting or ready.
 */
export function simulate(trace: DemandTrace, controller: Controller, params: ClusterParams, initialReplicas: number): SimulationResult {
  const { perMinute } = trace;
  const prefix = [0];
  for (const d of perMinute) prefix.push(prefix[prefix.length - 1]! + d);
  let pods: number[] = Array(initialReplicas).fill(-Infinity); // ready-at times
  const capacityPerMinute: number[] = [];
  const replicasPerMinute: number[] = [];
  let under = 0;
  let replicaSeconds = 0;
  const end = perMinute.length * 60;
  for (let minute = 0; minute < perMinute.length; minute++) {
    let short = false;
    let minReady = Infinity;
    for (let t = minute * 60; t < minute * 60 + 60 && t < end; t += SIM_STEP_SECONDS) {
      if (t % controller.syncSeconds === 0 && t > 0) {
        const ready = pods.filter((r) => r <= t).length;
        const observedRps = windowAverage(prefix, perMinute, t, controller.metricWindowSeconds);
        const want = Math.max(params.minReplicas, Math.min(params.maxReplicas, controller.decide({ t, observedRps, readyReplicas: ready, specReplicas: pods.length })));
        if (want > pods.length) pods = pods.concat(Array(want - pods.length).fill(t + params.startupSeconds));
        else if (want < pods.length) pods = [...pods].sort((a, b) => a - b).slice(0, want);
      }
      const ready = pods.filter((r) => r <= t).length;
      minReady = Math.min(minReady, ready);
      if (perMinute[minute]! > ready * params.perReplicaCapacityRps) short = true;
      replicaSeconds += pods.length * SIM_STEP_SECONDS;
    }
    if (short) under++;
    capacityPerMinute.push(minReady * params.perReplicaCapacityRps);
    replicasPerMinute.push(pods.length);
  }
  const replicaHours = replicaSeconds / 3600;
  return { policy: controller.name, underProvisionedMinutes: under, replicaHours, cost: replicaHours * params.pricePerReplicaHour, capacityPerMinute, replicasPerMinute };
}
