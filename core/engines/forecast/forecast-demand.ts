import { backtest, type BacktestResult } from "./backtest";
import { chooseMethod } from "./choose-method";
import type { ForecastPoints, HourlySeries, MethodName } from "./types";

/** Defaults: a day ahead, scored on up to seven past days, with 95% intervals. */
export const FORECAST_DEFAULTS = { horizonHours: 24, backtestOrigins: 7, level: 0.95 } as const;

export type DemandForecast =
  | {
      kind: "forecast";
      method: MethodName;
      forecast: ForecastPoints;
      /** The chosen method's rolling-origin score; null when the history is too short to hold any day out. */
      backtest: BacktestResult | null;
      /** The same backtest for the baseline (seasonal naive or hour-of-week), for comparison. */
      baselineBacktest: BacktestResult | null;
      note: string | null;
    }
  | { kind: "insufficient"; historyHours: number; neededHours: number; note: string };

/** Forecast the next hours of demand and report, beside it, how well the same method did on the past. */
export async function forecastDemand(series: HourlySeries, opts: Partial<typeof FORECAST_DEFAULTS> = {}): Promise<DemandForecast> {
  const { horizonHours, backtestOrigins, level } = { ...FORECAST_DEFAULTS, ...opts };
  const choice = chooseMethod(series.values.length);
  if (choice.kind === "insufficient") return choice;
  const forecast = await choice.method.forecast(series, horizonHours, level);
  const score = await backtest(choice.method, series, horizonHours, backtestOrigins, level);
  const baseline = choice.baseline === choice.method ? score : await backtest(choice.baseline, series, horizonHours, backtestOrigins, level);
  const noHoldout = score ? null : `too little history to hold out ${horizonHours} h beyond the method's minimum: no backtest score yet`;
  const note = [choice.note, noHoldout].filter(Boolean).join("; ") || null;
  return { kind: "forecast", method: choice.method.name, forecast, backtest: score, baselineBacktest: baseline, note };
}
