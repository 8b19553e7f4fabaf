import { residualBounds } from "./intervals";
import { HOURS_PER_DAY, HOURS_PER_WEEK, type Forecaster, type ForecastPoints, type HourlySeries } from "./types";

/**
 * Seasonal naive: the forecast for hour t+h is the value one season (m hours) earlier, repeated.
 * Interval: empirical quantiles of the in-sample seasonal differences y[t] - y[t-m] (the method's
 * own one-season-ahead errors), widened by sqrt(k) for the k-th season ahead.
 */
export function seasonalNaive(values: number[], m: number, horizon: number, level: number): ForecastPoints {
  if (values.length < 2 * m) throw new Error(`seasonal naive with period ${m} needs ${2 * m} values, got ${values.length}`);
  const last = values.slice(-m);
  const diffs = values.slice(m).map((v, i) => v - values[i]!);
  const { low, high } = residualBounds(diffs, level);
  const point = Array.from({ length: horizon }, (_, h) => last[h % m]!);
  const widen = (h: number) => Math.sqrt(Math.floor(h / m) + 1);
  return {
    point,
    lower: point.map((p, h) => Math.max(0, p + low * widen(h))),
    upper: point.map((p, h) => p + high * widen(h)),
    level,
  };
}

const make = (name: Forecaster["name"], m: number): Forecaster => ({
  name,
  minHistoryHours: 2 * m,
  forecast: async (history: HourlySeries, horizon: number, level: number) => seasonalNaive(history.values, m, horizon, level),
});

export const seasonalNaiveDaily = make("seasonal-naive-daily", HOURS_PER_DAY);
export const seasonalNaiveWeekly = make("seasonal-naive-weekly", HOURS_PER_WEEK);
