import { cacheCounters, mergeCounters, requestCounters, type CacheCounters, type ClinicalCounters, type TrafficSplit } from "@/core/metrics/clinical-counters";
import { resourceSample, type AdmissionSample, type PoolSample, type ProcessSample } from "@/core/metrics/resource-sample";

/** How long per-route detail is kept in the console's scrape history (the Monitoring charts' longest range). */
export const ROUTE_DETAIL_HOURS = 24;

/**
 * What the console stores per scrape of the clinical service. `classes` is real traffic only
 * (rows written before load tests were marked hold all traffic there); load tests go to
 * `syntheticClasses`. Keys are priority classes and route templates: no identifiers.
 * `process`, `admission` and `pool` (the Resources page's charts) are per-process or per-class
 * numbers only; rows stored before they existed have none of them (read with readResourceSample).
 */
export interface ScrapeRecord {
  classes: ClinicalCounters;
  syntheticClasses?: ClinicalCounters;
  routes?: TrafficSplit;
  cache: Record<string, CacheCounters>;
  process?: ProcessSample;
  admission?: AdmissionSample;
  pool?: PoolSample;
}

export function scrapeRecord(exposition: string): ScrapeRecord {
  const byClass = requestCounters(exposition, "priority_class");
  return { classes: byClass.real, syntheticClasses: byClass.synthetic, routes: requestCounters(exposition, "route"), cache: cacheCounters(exposition), ...resourceSample(exposition) };
}

/** Per-class counters of a stored scrape, with or without load-test traffic. */
export function classesOf(r: Pick<ScrapeRecord, "classes" | "syntheticClasses">, includeSynthetic: boolean): ClinicalCounters {
  return includeSynthetic ? mergeCounters(r.classes, r.syntheticClasses) : r.classes;
}

/** Per-route counters of a stored scrape (empty when the row has no route detail). */
export function routesOf(r: Pick<ScrapeRecord, "routes">, includeSynthetic: boolean): ClinicalCounters {
  return includeSynthetic ? mergeCounters(r.routes?.real, r.routes?.synthetic) : (r.routes?.real ?? {});
}
