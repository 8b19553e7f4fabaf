import type { KeyStats, TrafficPoint } from "@/core/engines/monitoring/traffic-series";
import { formatUtcClock } from "@/components/ui/timestamp";

export type Metric = keyof KeyStats;

/** Rounded to what the figure can claim: rates to 0.01/s, latency to 0.1 ms, ratios to 0.01%. */
const SCALE: Record<Metric, (v: number) => number> = {
  requests: (v) => Math.round(v),
  rps: (v) => Math.round(v * 100) / 100,
  errorRatio: (v) => Math.round(v * 10000) / 100,
  p50: (v) => Math.round(v * 10000) / 10,
  p95: (v) => Math.round(v * 10000) / 10,
  p99: (v) => Math.round(v * 10000) / 10,
};

export const UNIT: Record<Metric, string> = { requests: "", rps: "/s", errorRatio: "%", p50: " ms", p95: " ms", p99: " ms" };

const label = formatUtcClock;

/** Chart rows for one metric: one column per key, null where a step had no requests. */
export function metricRows(points: TrafficPoint[], keys: string[], metric: Metric): Array<Record<string, string | number | null>> {
  return points.map((p) => {
    const row: Record<string, string | number | null> = { t: label(p.at) };
    for (const k of keys) {
      const s = p.byKey[k];
      const v = s && (metric === "rps" || s.requests > 0) ? s[metric] : null;
      row[k] = v === null || v === undefined ? null : SCALE[metric](v);
    }
    return row;
  });
}

/** Chart rows for several metrics of one key (e.g. one route's p50/p95/p99). */
export function keyRows(points: TrafficPoint[], key: string, metrics: Metric[]): Array<Record<string, string | number | null>> {
  return points.map((p) => {
    const row: Record<string, string | number | null> = { t: label(p.at) };
    const s = p.byKey[key];
    for (const m of metrics) row[m] = s && s.requests > 0 && s[m] !== null ? SCALE[m](s[m]!) : null;
    return row;
  });
}

export function formatStat(metric: Metric, v: number | null): string {
  if (v === null) return "—";
  return `${SCALE[metric](v).toLocaleString("en-US")}${UNIT[metric]}`;
}

export function burnRows(burn: Array<{ at: number; bySlo: Record<string, number | null> }>, ids: string[], legend: (id: string) => string): Array<Record<string, string | number | null>> {
  return burn.map((b) => {
    const row: Record<string, string | number | null> = { t: label(b.at) };
    for (const id of ids) row[legend(id)] = b.bySlo[id] === null || b.bySlo[id] === undefined ? null : Math.round(b.bySlo[id]! * 100) / 100;
    return row;
  });
}
