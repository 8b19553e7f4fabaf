import type { Controller, ControllerInput } from "./types";

/**
 * Kubernetes HPA v2 defaults (kube-controller-manager and autoscaling/v2 behavior): sync every
 * 15 s, 10% tolerance, scale-up with no stabilization and the larger of +100% or +4 pods per 15 s,
 * scale-down stabilized over 300 s and allowed to drop 100% per 15 s. The metric pipeline
 * (metrics-server's default resolution) averages the last 60 s.
 */
export const HPA_DEFAULTS = {
  syncSeconds: 15,
  tolerance: 0.1,
  metricWindowSeconds: 60,
  scaleUp: { stabilizationSeconds: 0, percentPer15s: 100, podsPer15s: 4 },
  scaleDown: { stabilizationSeconds: 300, percentPer15s: 100 },
} as const;

export type HpaConfig = {
  minReplicas: number;
  maxReplicas: number;
  /** Target average load per replica, as a share of its capacity (e.g. 0.7 ≈ 70% CPU). */
  targetUtilization: number;
  perReplicaCapacityRps: number;
  behavior?: typeof HPA_DEFAULTS;
};

/**
 * The replica-count algorithm (desired = ceil(current × metric / target)) with the controller's
 * treatment of not-yet-ready pods: for a scale-up they count as 0% used, so a ratio that only
 * exceeds the tolerance because new pods are still starting does not scale further.
 */
export function hpaRecommendation(cfg: HpaConfig, input: ControllerInput, tolerance: number = HPA_DEFAULTS.tolerance): number {
  const { observedRps, readyReplicas, specReplicas } = input;
  const target = cfg.targetUtilization * cfg.perReplicaCapacityRps;
  if (readyReplicas === 0) return specReplicas;
  const ratio = observedRps / readyReplicas / target;
  if (Math.abs(ratio - 1) <= tolerance) return specReplicas;
  if (ratio > 1 && specReplicas > readyReplicas) {
    const withUnready = observedRps / specReplicas / target;
    if (withUnready <= 1 + tolerance) return specReplicas;
    return Math.ceil(withUnready * specReplicas);
  }
  return Math.ceil(ratio * readyReplicas);
}

/** Stabilization windows and rate policies applied to a raw recommendation. */
export function createBehavior(cfg: HpaConfig) {
  const b = cfg.behavior ?? HPA_DEFAULTS;
  const history: { t: number; r: number }[] = [];
  return (t: number, raw: number, current: number): number => {
    history.push({ t, r: raw });
    const horizon = Math.max(b.scaleDown.stabilizationSeconds, b.scaleUp.stabilizationSeconds);
    while (history.length && history[0]!.t < t - horizon) history.shift();
    // scale-down: the highest recommendation in the window; scale-up: the lowest in its window
    const downFloor = Math.max(...history.filter((h) => h.t >= t - b.scaleDown.stabilizationSeconds).map((h) => h.r));
    const upCap = Math.min(...history.filter((h) => h.t >= t - b.scaleUp.stabilizationSeconds).map((h) => h.r));
    let desired = raw;
    if (raw > current) desired = Math.min(upCap, Math.max(current * (1 + b.scaleUp.percentPer15s / 100), current + b.scaleUp.podsPer15s));
    else if (raw < current) desired = Math.min(current, Math.max(downFloor, Math.floor(current * (1 - b.scaleDown.percentPer15s / 100))));
    desired = Math.max(cfg.minReplicas, Math.min(cfg.maxReplicas, Math.ceil(desired)));
    return desired;
  };
}

export function createHpa(cfg: HpaConfig): Controller {
  const behave = createBehavior(cfg);
  const b = cfg.behavior ?? HPA_DEFAULTS;
  return {
    name: "HPA v2 (reactive)",
    syncSeconds: b.syncSeconds,
    metricWindowSeconds: b.metricWindowSeconds,
    decide: (input) => behave(input.t, hpaRecommendation(cfg, input, b.tolerance), input.specReplicas),
  };
}
