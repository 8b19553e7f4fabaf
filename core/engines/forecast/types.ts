/** Hourly series: values[i] is the mean demand (req/s) of hour i; hour 0 starts at `startHourOfWeek` (0 = Monday 00:00 local). */
export type HourlySeries = { values: number[]; startHourOfWeek: number };

/** A point forecast with a prediction interval at `level` (e.g. 0.95). */
export type ForecastPoints = { point: number[]; lower: number[]; upper: number[]; level: number };

export type MethodName = "seasonal-naive-daily" | "seasonal-naive-weekly" | "hour-of-week" | "mstl-ets";

/** A fitted forecaster: given history, forecast `horizon` hours ahead. */
export type Forecaster = {
  name: MethodName;
  /** Fewest hours of history the method needs (two seasons of its longest period). */
  minHistoryHours: number;
  forecast(history: HourlySeries, horizon: number, level: number): Promise<ForecastPoints>;
};

export const HOURS_PER_DAY = 24;
export const HOURS_PER_WEEK = 168;
