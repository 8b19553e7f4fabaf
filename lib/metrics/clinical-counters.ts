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
}

export type ClinicalCounters = Record<string, ClassCounters>;

/** Sums the clinical service's request histogram by priority class (no routes, no identifiers). */
export function clinicalCounters(exposition: string): ClinicalCounters {
  const out: ClinicalCounters = {};
  const of = (cls: string) => (out[cls] ??= { total: 0, bad: 0, le: {} });
  for (const s of parseExposition(exposition, (n) => n === `${METRIC}_count` || n === `${METRIC}_bucket`)) {
    const c = of(s.labels.priority_class ?? "unknown");
    if (s.name.endsWith("_count")) {
      c.total += s.value;
      if (BAD_STATUS.test(s.labels.status_code ?? "")) c.bad += s.value;
    } else if (s.labels.le && s.labels.le !== "+Inf") {
      c.le[s.labels.le] = (c.le[s.labels.le] ?? 0) + s.value;
    }
  }
  return out;
}

/** One class's counters, or every class summed (`all`). */
export function countersFor(c: ClinicalCounters, scope: string): ClassCounters {
  if (scope !== "all") return c[scope] ?? { total: 0, bad: 0, le: {} };
  const sum: ClassCounters = { total: 0, bad: 0, le: {} };
  for (const x of Object.values(c)) {
    sum.total += x.total;
    sum.bad += x.bad;
    for (const [le, n] of Object.entries(x.le)) sum.le[le] = (sum.le[le] ?? 0) + n;
  }
  return sum;
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
