/**
 * The Resources page's series over time, from consecutive scrapes of the clinical service's
 * /metrics. Pure: counters become per-interval rates the way Prometheus' rate()/increase() would
 * (a drop, or a new process start time, is a restart counted from zero), gauges are read as
 * sampled, latency quantiles are interpolated inside the stored histogram buckets.
 */
import type { ResourceSample } from "../../metrics/resource-sample";
import { counterIncrease } from "../../metrics/clinical-counters";
import { histogramQuantile, type Counts } from "../monitoring/traffic-series";
import { ADMISSION_CLASSES, LIMITED_CLASSES } from "../admission/classes";
import { RESOURCE_THRESHOLDS } from "../admission/thresholds";
import { POOL_CLASSES } from "../pool/classes";

/** One stored scrape: its time (ms), its resource figures and the request histogram by priority class. */
export interface ResourceScrape extends ResourceSample {
  at: number;
  requests?: Record<string, Counts>;
}

export const REJECTION_REASONS = ["concurrency", "rate_limit"] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Figures of one interval between two scrapes (or one step of several); null = not measured. */
export interface ResourceInterval {
  /** End of the interval (ms). */
  at: number;
  /** CPU seconds per wall second: the share of one core (1 = a whole core). */
  cpu: number | null;
  /** V8 heap used over its limit at the interval's end (0-1). */
  memory: number | null;
  residentBytes: number | null;
  /** Event-loop lag p99 (s) since the previous read of /metrics. */
  lagP99S: number | null;
  inFlight: Record<string, number | null>;
  limit: Record<string, number | null>;
  /** Requests rejected with 429 in the interval, per class and reason (null when a scrape lacks the counters). */
  rejected: Record<string, Record<RejectionReason, number | null>>;
  /** Connections held over the connections the class may hold (pool size − the reservations of the classes above it). */
  pool: Record<string, number | null>;
  /** Latency p95 (s) of the requests that finished in the interval, per admission class (null: none). */
  p95: Record<string, number | null>;
}

const restarted = (prev: ResourceScrape, cur: ResourceScrape): boolean => {
  const a = prev.process;
  const b = cur.process;
  if (a?.startTimeS !== undefined && b?.startTimeS !== undefined && a.startTimeS !== b.startTimeS) return true;
  return a?.cpuSeconds !== undefined && b?.cpuSeconds !== undefined && b.cpuSeconds < a.cpuSeconds;
};

/** Growth of a counter across one interval: the helper the SLO history uses, or the current value after a restart. */
const grew = (prev: number, cur: number, restart: boolean): number => (restart ? cur : counterIncrease([prev, cur]));

/** Connections class `c` may hold when idle: the pool size less what the classes ranked above it reserved. */
export function poolCeiling(cls: string, size: number | undefined, reserved: Record<string, number>): number | null {
  const rank = (POOL_CLASSES as readonly string[]).indexOf(cls);
  if (size === undefined || rank < 0) return null;
  let above = 0;
  for (let k = 0; k < rank; k++) {
    const r = reserved[POOL_CLASSES[k]!];
    if (r === undefined) return null;
    above += r;
  }
  return size - above;
}

function requestDelta(prev: Counts | undefined, cur: Counts | undefined, restart: boolean): Counts | null {
  if (!cur) return null;
  const base = restart || !prev || cur.total < prev.total ? { total: 0, bad: 0, le: {} as Record<string, number> } : prev;
  const le: Record<string, number> = {};
  for (const [b, n] of Object.entries(cur.le)) le[b] = Math.max(0, n - (base.le[b] ?? 0));
  return { total: cur.total - base.total, bad: Math.max(0, cur.bad - base.bad), le };
}

interface RawInterval extends ResourceInterval {
  /** For summing into steps: CPU seconds used and wall seconds they were measured over. */
  cpuUsedS: number | null;
  wallS: number;
  requests: Record<string, Counts | null>;
}

function interval(prev: ResourceScrape, cur: ResourceScrape): RawInterval {
  const restart = restarted(prev, cur);
  let wallS = (cur.at - prev.at) / 1000;
  const p = cur.process;
  let cpuUsedS: number | null = null;
  if (p?.cpuSeconds !== undefined && (restart || prev.process?.cpuSeconds !== undefined)) {
    cpuUsedS = grew(prev.process?.cpuSeconds ?? 0, p.cpuSeconds, restart);
    // After a restart the CPU seconds were spent since the new process started, not over the whole interval.
    if (restart && p.startTimeS !== undefined) wallS = Math.min(wallS, Math.max(0, cur.at / 1000 - p.startTimeS));
  }
  const a = cur.admission;
  const pa = prev.admission;
  const pool = cur.pool;
  const requests = Object.fromEntries(ADMISSION_CLASSES.map((c) => [c, requestDelta(prev.requests?.[c], cur.requests?.[c], restart)]));
  return {
    at: cur.at,
    cpuUsedS,
    wallS,
    cpu: cpuUsedS !== null && wallS > 0 ? cpuUsedS / wallS : null,
    memory: p?.heapUsedBytes !== undefined && p.heapLimitBytes ? p.heapUsedBytes / p.heapLimitBytes : null,
    residentBytes: p?.residentBytes ?? null,
    lagP99S: p?.eventLoopLagP99S ?? null,
    inFlight: Object.fromEntries(ADMISSION_CLASSES.map((c) => [c, a?.inFlight[c] ?? null])),
    limit: Object.fromEntries(LIMITED_CLASSES.map((c) => [c, a?.limit[c] ?? null])),
    // A counter series appears once first incremented: absent in a scrape that has the admission metrics means 0.
    rejected: Object.fromEntries(ADMISSION_CLASSES.map((c) => [c, Object.fromEntries(REJECTION_REASONS.map((r) => [
      r, a && (pa || restart) ? grew(pa?.rejected[c]?.[r] ?? 0, a.rejected[c]?.[r] ?? 0, restart) : null,
    ])) as Record<RejectionReason, number | null>])),
    pool: Object.fromEntries(POOL_CLASSES.map((c) => {
      const ceiling = pool ? poolCeiling(c, pool.size, pool.reserved) : null;
      const used = pool?.inUse[c];
      return [c, ceiling && used !== undefined ? used / ceiling : null];
    })),
    requests,
    p95: Object.fromEntries(Object.entries(requests).map(([c, d]) => [c, d ? histogramQuantile(0.95, d.le, d.total) : null])),
  };
}

/** Per-interval figures of consecutive scrapes (sorted by time); an interval needs both ends. */
export function resourceIntervals(scrapes: ResourceScrape[]): RawInterval[] {
  const out: RawInterval[] = [];
  for (let i = 1; i < scrapes.length; i++) out.push(interval(scrapes[i - 1]!, scrapes[i]!));
  return out;
}

const mean = (xs: Array<number | null>): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
};
const sum = (xs: Array<number | null>): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((s, x) => s + x, 0) : null;
};
const perKey = <T>(keys: readonly string[], f: (k: string) => T): Record<string, T> => Object.fromEntries(keys.map((k) => [k, f(k)]));

/** Several intervals as one step: CPU and latency from the summed growth, rejections summed, gauges averaged. */
function combine(at: number, xs: RawInterval[]): ResourceInterval {
  const cpuXs = xs.filter((x) => x.cpuUsedS !== null);
  const cpuWall = cpuXs.reduce((s, x) => s + x.wallS, 0);
  const requests = perKey(ADMISSION_CLASSES, (c) => {
    const ds = xs.map((x) => x.requests[c]).filter((d): d is Counts => d !== null && d !== undefined);
    if (!ds.length) return null;
    const le: Record<string, number> = {};
    for (const d of ds) for (const [b, n] of Object.entries(d.le)) le[b] = (le[b] ?? 0) + n;
    return { total: ds.reduce((s, d) => s + d.total, 0), le };
  });
  return {
    at,
    cpu: cpuXs.length && cpuWall > 0 ? cpuXs.reduce((s, x) => s + x.cpuUsedS!, 0) / cpuWall : null,
    memory: mean(xs.map((x) => x.memory)),
    residentBytes: mean(xs.map((x) => x.residentBytes)),
    lagP99S: mean(xs.map((x) => x.lagP99S)),
    inFlight: perKey(ADMISSION_CLASSES, (c) => mean(xs.map((x) => x.inFlight[c] ?? null))),
    limit: perKey(LIMITED_CLASSES, (c) => mean(xs.map((x) => x.limit[c] ?? null))),
    rejected: perKey(ADMISSION_CLASSES, (c) => perKey(REJECTION_REASONS, (r) => sum(xs.map((x) => x.rejected[c]?.[r as RejectionReason] ?? null))) as Record<RejectionReason, number | null>),
    pool: perKey(POOL_CLASSES, (c) => mean(xs.map((x) => x.pool[c] ?? null))),
    p95: perKey(ADMISSION_CLASSES, (c) => {
      const d = requests[c];
      return d ? histogramQuantile(0.95, d.le, d.total) : null;
    }),
  };
}

/** A threshold from the brief on the latest interval: within, over, or unmeasured (null value). */
export interface ThresholdCheck {
  value: number | null;
  threshold: number;
  /** null when not measured: shown neutral, never green. */
  within: boolean | null;
}

const check = (value: number | null, threshold: number): ThresholdCheck => ({ value, threshold, within: value === null ? null : value < threshold });

export interface ResourceSeries {
  stepS: number;
  /** One point per step ending at `at`; a step without a scrape interval has every figure null. */
  points: ResourceInterval[];
  /** The last interval inside the range (not averaged into a step), or null when the range has none. */
  latest: ResourceInterval | null;
  thresholds: { cpu: ThresholdCheck; memory: ThresholdCheck; pool: Record<string, ThresholdCheck> };
  /** Intervals (pairs of consecutive scrapes) that ended inside the range. */
  intervals: number;
  /** Whether any interval in the range carried the resource figures (false: only older rows, or none). */
  measured: boolean;
}

/**
 * Steps of `stepS` seconds ending at `end`, covering (start, end]. `scrapes` should include the
 * one just before `start` (the baseline of the first interval).
 */
export function resourceSeries(scrapes: ResourceScrape[], start: number, end: number, stepS: number): ResourceSeries {
  const stepMs = stepS * 1000;
  const n = Math.max(1, Math.ceil((end - start) / stepMs));
  const bins: RawInterval[][] = Array.from({ length: n }, () => []);
  const inRange = resourceIntervals(scrapes).filter((x) => x.at > start && x.at <= end);
  for (const x of inRange) bins[Math.min(n - 1, Math.floor((x.at - start - 1) / stepMs))]!.push(x);
  const points = bins.map((xs, i) => combine(start + (i + 1) * stepMs, xs));
  const last = inRange.at(-1);
  const latest = last ? combine(last.at, [last]) : null;
  return {
    stepS,
    points,
    latest,
    thresholds: {
      cpu: check(latest?.cpu ?? null, RESOURCE_THRESHOLDS.cpu),
      memory: check(latest?.memory ?? null, RESOURCE_THRESHOLDS.memory),
      pool: perKey(POOL_CLASSES, (c) => check(latest?.pool[c] ?? null, RESOURCE_THRESHOLDS.pool)),
    },
    intervals: inRange.length,
    measured: inRange.some((x) => x.cpu !== null || x.memory !== null || Object.values(x.inFlight).some((v) => v !== null) || Object.values(x.pool).some((v) => v !== null)),
  };
}
