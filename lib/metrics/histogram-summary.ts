export interface HistogramValue {
  labels: Record<string, string | number>;
  value: number;
  metricName?: string;
}

export interface HistogramRow {
  labels: Record<string, string>;
  count: number;
  /** The upper bound of the bucket holding the 75th percentile (Infinity when beyond the last). */
  p75: number;
}

/**
 * Per label set: count and the 75th percentile, read from cumulative buckets the way
 * Prometheus' histogram_quantile does but without interpolation (an upper bound, stated so).
 */
export function summarizeHistogram(values: HistogramValue[], quantile = 0.75): HistogramRow[] {
  const groups = new Map<string, { labels: Record<string, string>; buckets: [number, number][] }>();
  for (const v of values) {
    if (!v.metricName?.endsWith("_bucket")) continue;
    const { le, ...rest } = v.labels;
    const labels = Object.fromEntries(Object.entries(rest).map(([k, x]) => [k, String(x)]));
    const key = JSON.stringify(labels);
    const g = groups.get(key) ?? { labels, buckets: [] };
    g.buckets.push([le === "+Inf" ? Infinity : Number(le), v.value]);
    groups.set(key, g);
  }
  const rows: HistogramRow[] = [];
  for (const { labels, buckets } of groups.values()) {
    buckets.sort((a, b) => a[0] - b[0]);
    const count = buckets[buckets.length - 1]?.[1] ?? 0;
    if (count === 0) continue;
    const target = quantile * count;
    const p75 = buckets.find(([, cumulative]) => cumulative >= target)?.[0] ?? Infinity;
    rows.push({ labels, count, p75 });
  }
  return rows;
}
