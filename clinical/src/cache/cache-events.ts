import type { EventEmitter } from "node:events";
import { CACHE_DATA_CLASSES, type CacheDataClass } from "@/core/engines/cache/policy";
import type { ClinicalMetrics } from "../metrics/registry";

const CLASSES = new Set<string>(CACHE_DATA_CLASSES);

/** The data class a cache key belongs to (keys start with it); bookkeeping keys have none. */
export function classOfKey(key: string): CacheDataClass | null {
  const head = key.slice(0, key.indexOf(":"));
  return CLASSES.has(head) ? (head as CacheDataClass) : null;
}

/**
 * ClinicalCache's event for a read that went to the database, emitted before the load: loads
 * that fail or time out (the slow reads a cache is meant to hide) count too, so the hit rate
 * never reads too high.
 */
export const CLINICAL_MISS = "clinical:miss";

/**
 * Counts the cache's hit and miss events into the clinical metrics. Only the
 * data class (from the key's first segment) becomes a label; the key itself never does.
 */
export function countCacheEvents(emitter: EventEmitter, metrics: ClinicalMetrics): void {
  emitter.on("cache:hit", (e: { key: string; layer?: "l1" | "l2"; graced?: boolean }) => {
    const dataClass = classOfKey(e.key);
    if (!dataClass) return;
    metrics.cacheHits.inc({ tier: e.layer ?? "l1", data_class: dataClass });
    if (e.graced) metrics.cacheGracedHits.inc({ data_class: dataClass });
  });
  emitter.on(CLINICAL_MISS, (e: { key: string }) => {
    const dataClass = classOfKey(e.key);
    if (dataClass) metrics.cacheMisses.inc({ data_class: dataClass });
  });
}
