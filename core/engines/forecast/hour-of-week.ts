import { residualBounds } from "./intervals";
import { HOURS_PER_WEEK, type Forecaster, type ForecastPoints, type HourlySeries } from "./types";

const slotOf = (series: HourlySeries, i: number) => (series.startHourOfWeek + i) % HOURS_PER_WEEK;

/**
 * Hour-of-week profile: the forecast for a future hour is the mean of every past value in the same
 * hour-of-week slot (Monday 09:00 from past Mondays 09:00). Interval: empirical quantiles of the
 * in-sample residuals y - slot mean.
 */
export function hourOfWeekProfile(series: HourlySeries, horizon: number, level: number): ForecastPoints {
  const sums = new Array<number>(HOURS_PER_WEEK).fill(0);
  const counts = new Array<number>(HOURS_PER_WEEK).fill(0);
  series.values.forEach((v, i) => {
    sums[slotOf(series, i)]! += v;
    counts[slotOf(series, i)]! += 1;
  });
  if (counts.some((c) => c === 0)) throw new Error("hour-of-week profile needs at least one full week");
  const mean = sums.map((s, k) => s / counts[k]!);
  const residuals = series.values.map((v, i) => v - mean[slotOf(series, i)]!);
  const { low, high } = residualBounds(residuals, level);
  const n = series.values.length;
  const point = Array.from({ length: horizon }, (_, h) => mean[slotOf(series, n + h)]!);
  return { point, lower: point.map((p) => Math.max(0, p + low)), upper: point.map((p) => p + high), level };
}

export const hourOfWeek: Forecaster = {
  name: "hour-of-week",
  minHistoryHours: 2 * HOURS_PER_WEEK,
  forecast: async (history, horizon, level) => hourOfWeekProfile(history, horizon, level),
};
