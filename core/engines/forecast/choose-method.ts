import { hourOfWeek } from "./hour-of-week";
import { mstlEts } from "./mstl";
import { seasonalNaiveDaily } from "./seasonal-naive";
import type { Forecaster } from "./types";

/**
 * Which method the history supports, best first. MSTL needs two weekly seasons (336 h); with less
 * we fall back to the daily seasonal naive (48 h) and say so; under 48 h nothing is forecast:
 * a one-day series cannot tell a daily pattern from noise, so it is not extrapolated.
 */
export type MethodChoice =
  | { kind: "model"; method: Forecaster; baseline: Forecaster; note: string | null }
  | { kind: "insufficient"; historyHours: number; neededHours: number; note: string };

export function chooseMethod(historyHours: number): MethodChoice {
  if (historyHours >= mstlEts.minHistoryHours) return { kind: "model", method: mstlEts, baseline: hourOfWeek, note: null };
  if (historyHours >= seasonalNaiveDaily.minHistoryHours)
    return {
      kind: "model",
      method: seasonalNaiveDaily,
      baseline: seasonalNaiveDaily,
      note: `MSTL needs ${mstlEts.minHistoryHours} h of history (two weekly seasons); have ${historyHours} h, so this is the daily seasonal naive`,
    };
  return {
    kind: "insufficient",
    historyHours,
    neededHours: seasonalNaiveDaily.minHistoryHours,
    note: `${historyHours} h of history; at least ${seasonalNaiveDaily.minHistoryHours} h (two days) are needed for any forecast, so none is made`,
  };
}
