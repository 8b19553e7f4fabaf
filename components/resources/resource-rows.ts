import type { ResourceInterval, ResourceSeries } from "@/core/engines/resources/resource-series";
import { REJECTION_REASONS } from "@/core/engines/resources/resource-series";
import { formatUtcClock } from "@/components/ui/timestamp";

export type Rows = Array<Record<string, string | number | null>>;

/** Ratios as % to 0.1, seconds as ms to 0.1: what a 15 s scrape can claim. */
export const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
export const ms = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10);

/** Chart rows: one per step, one column per key; null where the step measured nothing. */
export function rows(points: ResourceInterval[], cols: Record<string, (p: ResourceInterval) => number | null>): Rows {
  return points.map((p) => ({ t: formatUtcClock(p.at), ...Object.fromEntries(Object.entries(cols).map(([k, f]) => [k, f(p)])) }));
}

/** Keys with at least one measured value (the others would draw nothing). */
export function measuredKeys(data: Rows, keys: string[]): string[] {
  return keys.filter((k) => data.some((r) => typeof r[k] === "number"));
}

/** Rejections per class and reason over the range: only the series that rejected something. */
export function rejectionRows(s: ResourceSeries, classes: readonly string[]): { data: Rows; keys: string[] } {
  const cols: Record<string, (p: ResourceInterval) => number | null> = {};
  for (const c of classes) for (const r of REJECTION_REASONS) cols[`${c} (${r === "rate_limit" ? "rate limit" : r})`] = (p) => p.rejected[c]?.[r] ?? null;
  const data = rows(s.points, cols);
  const keys = Object.keys(cols).filter((k) => data.some((row) => typeof row[k] === "number" && (row[k] as number) > 0));
  return { data, keys };
}
