/**
 * Request rate, error ratio and latency quantiles over time from cumulative counters sampled by
 * scrapes (per priority class or per route template). Pure: the console computes these from its
 * own scrape history, the way Prometheus' rate() and histogram_quantile() would.
 */

/** Cumulative counters of one key (class or route) at one scrape; `le`: requests ≤ each bound (s). */
export interface Counts {
  total: number;
  bad: number;
  le: Record<string, number>;
  /** Seconds the requests took together (histogram _sum), when the scrape kept it. */
  sumS?: number;
}

export interface CounterSample {
  at: number;
  counters: Record<string, Counts>;
}

export interface KeyStats {
  requests: number;
  rps: number;
  /** Share of 5xx/429 answers; null without requests. */
  errorRatio: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface TrafficPoint {
  at: number;
  byKey: Record<string, KeyStats>;
}

const EMPTY: Counts = { total: 0, bad: 0, le: {} };

/** Growth between two scrapes; a drop means the service restarted (counted from zero). */
function delta(prev: Counts, cur: Counts): Counts {
  const restarted = cur.total < prev.total;
  const base = restarted ? EMPTY : prev;
  const le: Record<string, number> = {};
  for (const [b, n] of Object.entries(cur.le)) le[b] = Math.max(0, n - (base.le[b] ?? 0));
  return { total: cur.total - base.total, bad: Math.max(0, cur.bad - base.bad), le };
}

function add(into: Counts, d: Counts): void {
  into.total += d.total;
  into.bad += d.bad;
  for (const [b, n] of Object.entries(d.le)) into.le[b] = (into.le[b] ?? 0) + n;
}

/**
 * Prometheus' histogram_quantile on one interval's bucket counts: linear interpolation inside
 * the bucket that holds the rank; above the highest finite bound it answers that bound.
 */
export function histogramQuantile(q: number, le: Record<string, number>, total: number): number | null {
  if (total <= 0) return null;
  const bounds = Object.keys(le).map(Number).filter(Number.isFinite).sort((a, b) => a - b);
  const rank = q * total;
  let prevBound = 0;
  let prevCount = 0;
  for (const b of bounds) {
    const count = le[String(b)] ?? 0;
    if (count >= rank) return count === prevCount ? b : prevBound + ((b - prevBound) * (rank - prevCount)) / (count - prevCount);
    prevBound = b;
    prevCount = count;
  }
  return bounds.length ? bounds[bounds.length - 1]! : null;
}

export function statsOf(c: Counts, seconds: number): KeyStats {
  return {
    requests: c.total,
    rps: seconds > 0 ? c.total / seconds : 0,
    errorRatio: c.total > 0 ? c.bad / c.total : null,
    p50: histogramQuantile(0.5, c.le, c.total),
    p95: histogramQuantile(0.95, c.le, c.total),
    p99: histogramQuantile(0.99, c.le, c.total),
  };
}

/**
 * Sums the growth between consecutive scrapes into steps of `stepS` ending at `end`; each
 * point is the stats of its step. Also returns the whole range's counts per key.
 */
export interface TrafficSeries {
  points: TrafficPoint[];
  /** Per step, the counts per key (what `points` summarise), for burn rates. */
  bins: Array<{ at: number; counts: Record<string, Counts> }>;
  totals: Record<string, Counts>;
  keys: string[];
}

export function trafficSeries(samples: CounterSample[], start: number, end: number, stepS: number): TrafficSeries {
  const stepMs = stepS * 1000;
  const n = Math.max(1, Math.ceil((end - start) / stepMs));
  const bins: Array<Record<string, Counts>> = Array.from({ length: n }, () => ({}));
  const totals: Record<string, Counts> = {};
  for (let i = 1; i < samples.length; i++) {
    const prev = samples[i - 1]!;
    const cur = samples[i]!;
    if (cur.at <= start || cur.at > end) continue;
    const bin = bins[Math.min(n - 1, Math.max(0, Math.floor((cur.at - start - 1) / stepMs)))]!;
    for (const [key, c] of Object.entries(cur.counters)) {
      const d = delta(prev.counters[key] ?? EMPTY, c);
      add((bin[key] ??= { ...EMPTY, le: {} }), d);
      add((totals[key] ??= { ...EMPTY, le: {} }), d);
    }
  }
  const keys = Object.keys(totals).filter((k) => totals[k]!.total > 0).sort();
  const points = bins.map((bin, i) => ({
    at: start + (i + 1) * stepMs,
    byKey: Object.fromEntries(keys.map((k) => [k, statsOf(bin[k] ?? EMPTY, stepS)])),
  }));
  return { points, bins: bins.map((counts, i) => ({ at: start + (i + 1) * stepMs, counts })), totals, keys };
}

/** Step so a range has at most `maxPoints` points and no step is shorter than a scrape. */
export function chooseStepS(rangeS: number, scrapeIntervalS: number, maxPoints = 120): number {
  return Math.max(scrapeIntervalS, Math.ceil(rangeS / maxPoints / scrapeIntervalS) * scrapeIntervalS);
}
