import { POOL_CLASSES, type PoolClass, type PoolSettings } from "@/core/engines/pool/classes";
import type { ClinicalMetrics } from "./registry";

/** What this needs of clinical/src/db/pool.ts's ClinicalPool (structural, so metrics never imports db). */
interface ObservablePool {
  observe(o: (cls: PoolClass, waitedS: number, outcome: "admitted" | "wait-timeout" | "statement-timeout") => void): void;
  stats(): { inUse: Record<PoolClass, number>; waiting: Record<PoolClass, number>; size: number };
  readonly current: { settings: PoolSettings };
}

/** Feeds the pool's waits, timeouts and usage into the service's metrics (labels: class only). */
export function observePool(pool: ObservablePool, metrics: ClinicalMetrics): void {
  pool.observe((cls, waitedS, outcome) => {
    if (outcome === "statement-timeout") return void metrics.poolTimeouts.inc({ class: cls, kind: "statement" });
    metrics.poolWait.observe({ class: cls }, waitedS);
    if (outcome === "wait-timeout") metrics.poolTimeouts.inc({ class: cls, kind: "wait" });
  });
  metrics.poolUsage.source = () => {
    const { inUse, waiting, size } = pool.stats();
    const settings = pool.current.settings;
    const reserved = Object.fromEntries(POOL_CLASSES.map((c) => [c, settings.classes[c].reserved]));
    return { inUse, waiting, size, reserved };
  };
}
