import { coverage, mase } from "./scores";
import type { Forecaster, HourlySeries } from "./types";

/** MASE is scaled by the daily seasonal naive (period 24 h): defined as soon as there are 2 days. */
export const MASE_SCALE_PERIOD_HOURS = 24;

export type BacktestResult = {
  method: Forecaster["name"];
  /** Mean of the per-origin MASE values. */
  mase: number;
  /** Share of held-out hours inside the prediction interval, pooled over origins. */
  coverage: number;
  level: number;
  origins: number;
  horizonHours: number;
};

/**
 * Rolling-origin evaluation: for each of the last `origins` non-overlapping windows of `horizon`
 * hours, fit on everything before the window, forecast it, and score. Origins whose training
 * prefix is shorter than the method's minimum are skipped; null when none remain.
 */
export async function backtest(f: Forecaster, series: HourlySeries, horizon: number, origins: number, level: number): Promise<BacktestResult | null> {
  const n = series.values.length;
  const scores: number[] = [];
  let inside = 0;
  let total = 0;
  for (let k = origins; k >= 1; k--) {
    const origin = n - k * horizon;
    if (origin < Math.max(f.minHistoryHours, MASE_SCALE_PERIOD_HOURS + 1)) continue;
    const train = series.values.slice(0, origin);
    const actual = series.values.slice(origin, origin + horizon);
    const fc = await f.forecast({ values: train, startHourOfWeek: series.startHourOfWeek }, horizon, level);
    scores.push(mase(actual, fc.point, train, MASE_SCALE_PERIOD_HOURS));
    inside += coverage(actual, fc.lower, fc.upper) * actual.length;
    total += actual.length;
  }
  if (scores.length === 0) return null;
  return {
    method: f.name,
    mase: scores.reduce((a, b) => a + b, 0) / scores.length,
    coverage: inside / total,
    level,
    origins: scores.length,
    horizonHours: horizon,
  };
}
