import { parseExposition } from "./parse-exposition";

const METRIC = "clinical_http_request_duration_seconds";
/** Failures for availability SLOs: server errors and load shedding (the rules' `5..|429`). */
const BAD_STATUS = /^(5\d\d|429)$/;

/** Cumulative request counters of one priority class, as one scrape saw them. */
export interface ClassCounters {
  total: number;
  bad: number;
  /** Requests at or under each latency bucket bound (`le` label as rendered, e.g. "0.5"). */
  le: Record<string, number>;
  /** Seconds all these requests took together (the histogram's _sum); absent in rows stored before it was kept. */
  sumS?: number;
}

export type ClinicalCounters = Record<string, ClassCounters>;

/** Request counters split by the `traffic` label; a series without it (older services) is real. */
export interface TrafficSplit {
  real: ClinicalCounters;
  synthetic: ClinicalCounters;
}

/**
 * Sums the clinical service's request histogram by one label (priority class, or route
 * template: never a raw URL, never an identifier), separately for real and load-test traffic.
 */
export function requestCounters(exposition: string, by: "priority_class" | "route"): TrafficSplit {
  const out: TrafficSplit = { real: {}, synthetic: {} };
  for (const s of parseExposition(exposition, (n) => n === `${METRIC}_count` || n === `${METRIC}_bucket` || n === `${METRIC}_sum`)) {
    const side = s.labels.traffic === "synthetic" ? out.synthetic : out.real;
    const c = (side[s.labels[by] ?? "unknown"] ??= { total: 0, bad: 0, le: {} });
    if (s.name.endsWith("_sum")) {
      c.sumS = (c.sumS ?? 0) + s.value;
    } else if (s.name.endsWith("_count")) {
      c.total += s.value;
      if (BAD_STATUS.test(s.labels.status_code ?? "")) c.bad += s.value;
    } else if (s.labels.le && s.labels.le !== "+Inf") {
      c.le[s.labels.le] = (c.le[s.labels.le] ?? 0) + s.value;
    }
  }
  return out;
}

/** All traffic by priority class (real and synthetic summed). */
export function clinicalCounters(exposition: string): ClinicalCounters {
  const { real, synthetic } = requestCounters(exposition, "priority_class");
  return mergeCounters(real, synthetic);
}

/** Adds counters key by key (e.g. real + synthetic traffic). */
export function mergeCounters(...parts: Array<ClinicalCounters | undefined>): ClinicalCounters {
  const out: ClinicalCounters = {};
  for (const part of parts) {
    for (const [key, x] of Object.entries(part ?? {})) {
      const c = (out[key] ??= { total: 0, bad: 0, le: {} });
      c.total += x.total;
      c.bad += x.bad;
      if (x.sumS !== undefined) c.sumS = (c.sumS ?? 0) + x.sumS;
      for (const [le, n] of Object.entries(x.le)) c.le[le] = (c.le[le] ?? 0) + n;
    }
  }
  return out;
}

/** One class's counters, or every class summed (`all`). */
export function countersFor(c: ClinicalCounters, scope: string): ClassCounters {
  if (scope !== "all") return c[scope] ?? { total: 0, bad: 0, le: {} };
  return Object.values(mergeCounters(...Object.values(c).map((x) => ({ all: x })))).at(0) ?? { total: 0, bad: 0, le: {} };
}

/**
 * How much a counter grew across consecutive scrapes, counting a drop as a restart (Prometheus'
 * `increase` semantics without extrapolation).
 */
export function counterIncrease(values: number[]): number {
  let inc = 0;
  for (let i = 1; i < values.length; i++) inc += values[i]! >= values[i - 1]! ? values[i]! - values[i - 1]! : values[i]!;
  return inc;
}

/** Cumulative cache outcomes of one data class, as one scrape saw them. */
export interface CacheCounters {
  l1: number;
  l2: number;
  miss: number;
  graced: number;
}

/** Sums `clinical_cache_*_total` by data class (tier for hits): no keys or identifiers exist in them. */
export function cacheCounters(exposition: string): Record<string, CacheCounters> {
  const out: Record<string, CacheCounters> = {};
  const names = new Set(["clinical_cache_hits_total", "clinical_cache_misses_total", "clinical_cache_graced_hits_total"]);
  for (const s of parseExposition(exposition, (n) => names.has(n))) {
    const c = (out[s.labels.data_class ?? "unknown"] ??= { l1: 0, l2: 0, miss: 0, graced: 0 });
    if (s.name === "clinical_cache_misses_total") c.miss += s.value;
    else if (s.name === "clinical_cache_graced_hits_total") c.graced += s.value;
    else if (s.labels.tier === "l1") c.l1 += s.value;
    else c.l2 += s.value;
  }
  return out;
}
