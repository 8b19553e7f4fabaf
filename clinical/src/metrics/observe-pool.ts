import type { ClinicalDb } from "../db/query";
import { POOL_CLASSES } from "../../../lib/engines/pool/classes";
import type { ClinicalMetrics } from "./registry";

/** Feeds the pool's waits, timeouts and usage into the service's metrics (labels: class only). */
export function observePool(db: ClinicalDb, metrics: ClinicalMetrics): void {
  db.pool.observe((cls, waitedS, outcome) => {
    if (outcome === "statement-timeout") return void metrics.poolTimeouts.inc({ class: cls, kind: "statement" });
    metrics.poolWait.observe({ class: cls }, waitedS);
    if (outcome === "wait-timeout") metrics.poolTimeouts.inc({ class: cls, kind: "wait" });
  });
  metrics.poolUsage.source = () => {
    const { inUse, waiting, size } = db.pool.stats();
    const settings = db.pool.current.settings;
    const reserved = Object.fromEntries(POOL_CLASSES.map((c) => [c, settings.classes[c].reserved]));
    return { inUse, waiting, size, reserved };
  };
}
