import * as hdr from "hdr-histogram-js";

export type Histogram = hdr.Histogram;

/** Latencies are recorded in microseconds, 3 significant digits, up to one hour. */
const HIGHEST_TRACKABLE_US = 3_600_000_000;

export function newHistogram(): Histogram {
  return hdr.build({
    bitBucketSize: 64,
    numberOfSignificantValueDigits: 3,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_US,
    autoResize: true,
    useWebAssembly: false,
  });
}

export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.min(HIGHEST_TRACKABLE_US, Math.max(1, Math.round(ms * 1000))));
}

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

const ms = (us: number) => Math.round(us) / 1000;

/**
 * Percentiles read as the highest value equivalent to their bucket (HdrHistogram's convention),
 * which can sit a fraction above the largest value actually recorded: they are capped at the
 * maximum, so no percentile ever reads above max.
 */
export function summarize(h: Histogram): LatencySummary {
  if (h.totalCount === 0) return { count: 0, meanMs: 0, p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, max: 0 };
  const max = ms(h.maxValue);
  const at = (p: number) => Math.min(max, ms(h.getValueAtPercentile(p)));
  return { count: h.totalCount, meanMs: ms(h.mean), p50: at(50), p90: at(90), p95: at(95), p99: at(99), p999: at(99.9), max };
}

/** Compressed base64 (HdrHistogram's interchange format), so runs and windows can be merged later. */
export const encodeHistogram = (h: Histogram): string => hdr.encodeIntoCompressedBase64(h);
export const decodeHistogram = (s: string): Histogram => hdr.decodeFromCompressedBase64(s, 64, false);
