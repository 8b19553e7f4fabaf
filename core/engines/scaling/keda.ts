import { createBehavior, HPA_DEFAULTS } from "./hpa";
import { scheduleFloor, type ScheduleWindow } from "./schedule-windows";
import type { Controller } from "./types";

/**
 * KEDA defaults: the Prometheus trigger is read on every HPA sync through KEDA's metrics adapter
 * (a `rate(...[1m])` over a 15 s scrape → about 75 s of averaging); cooldownPeriod (300 s) only
 * governs scaling to zero, which a clinical service with minReplicas ≥ 1 never does.
 */
export const KEDA_DEFAULTS = { pollingIntervalSeconds: 30, cooldownPeriodSeconds: 300, metricWindowSeconds: 75, fallbackFailureThreshold: 3 } as const;

export type KedaConfig = {
  minReplicas: number;
  maxReplicas: number;
  /** Prometheus trigger threshold: req/s per replica (metricType AverageValue). */
  thresholdRpsPerReplica: number;
  /** Cron triggers: desired replicas inside each window. */
  cron: ScheduleWindow[];
  /** Replicas to hold when the Prometheus trigger fails `fallbackFailureThreshold` times in a row. */
  fallbackReplicas: number;
  startHourOfWeek: number;
  /** Cron triggers start this many seconds before their window (a cron start written minutes early). */
  prewarmSeconds: number;
};

/**
 * The HPA KEDA creates: one external metric per trigger, the largest recommendation wins.
 * AverageValue metrics use the spec replica count (no readiness correction). An unreadable
 * metric (NaN) counts as a failure; after the threshold, the fallback replica count applies.
 */
export function createKeda(cfg: KedaConfig): Controller {
  const behave = createBehavior({ ...cfg, targetUtilization: 1, perReplicaCapacityRps: cfg.thresholdRpsPerReplica });
  let failures = 0;
  return {
    name: "KEDA (cron + prometheus)",
    syncSeconds: HPA_DEFAULTS.syncSeconds,
    metricWindowSeconds: KEDA_DEFAULTS.metricWindowSeconds,
    decide({ t, observedRps, specReplicas }) {
      if (Number.isNaN(observedRps)) {
        failures++;
        if (failures >= KEDA_DEFAULTS.fallbackFailureThreshold) return cfg.fallbackReplicas;
        return specReplicas;
      }
      failures = 0;
      const ratio = observedRps / (cfg.thresholdRpsPerReplica * specReplicas);
      const prom = Math.abs(ratio - 1) <= HPA_DEFAULTS.tolerance ? specReplicas : Math.ceil(observedRps / cfg.thresholdRpsPerReplica);
      const cron = scheduleFloor(cfg.cron, cfg.startHourOfWeek + (t + cfg.prewarmSeconds) / 3600);
      return behave(t, Math.max(prom, cron), specReplicas);
    },
  };
}
