/**
 * Multi-window, multi-burn-rate alerting (Google SRE workbook, ch. 5) as pure functions, so the
 * console can evaluate SLOs from numbers it computed itself, and the Prometheus rule generator
 * uses the same table.
 */
import type { Slo } from "./definitions";

/** Rate windows an SLO's error ratio is recorded over. */
export const SLO_WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;
export type SloWindow = (typeof SLO_WINDOWS)[number];

export type Severity = "page" | "ticket";

export interface BurnRateAlertSpec {
  severity: Severity;
  long: SloWindow;
  short: SloWindow;
  /** Burn-rate factor both windows must reach. */
  factor: number;
}

/** The workbook's recommended table: 2% / 5% of a 30-day budget pages, 10% / 100% tickets. */
export const BURN_RATE_ALERTS: readonly BurnRateAlertSpec[] = Object.freeze([
  { severity: "page", long: "1h", short: "5m", factor: 14.4 },
  { severity: "page", long: "6h", short: "30m", factor: 6 },
  { severity: "ticket", long: "1d", short: "2h", factor: 3 },
  { severity: "ticket", long: "3d", short: "6h", factor: 1 },
]);

/** How long an alert condition must hold before it fires, per severity. */
export const ALERT_FOR: Readonly<Record<Severity, string>> = Object.freeze({ page: "2m", ticket: "15m" });

export interface AlertEvaluation {
  sloId: string;
  severity: Severity;
  long: SloWindow;
  short: SloWindow;
  factor: number;
  longBurn: number | null;
  shortBurn: number | null;
  firing: boolean;
  /** True when either window had no data (no traffic, or not computed); never firing then. */
  noData: boolean;
}

/** Burn rate: how many times faster than sustainable the error budget is being spent. */
export function burnRate(errorRatio: number, objective: number): number {
  if (!(objective < 1)) throw new Error(`objective must be below 1, got ${objective}`);
  return errorRatio / (1 - objective);
}

/** Evaluates every row of the burn-rate table: firing when both windows burn at ≥ factor. */
export function evaluateAlerts(slo: Pick<Slo, "id" | "objective">, errorRatioByWindow: Record<SloWindow, number | null>): AlertEvaluation[] {
  const burnOf = (w: SloWindow): number | null => {
    const ratio = errorRatioByWindow[w];
    return ratio === null || !Number.isFinite(ratio) ? null : burnRate(ratio, slo.objective);
  };
  return BURN_RATE_ALERTS.map(({ severity, long, short, factor }) => {
    const longBurn = burnOf(long);
    const shortBurn = burnOf(short);
    const noData = longBurn === null || shortBurn === null;
    const firing = !noData && longBurn >= factor && shortBurn >= factor;
    return { sloId: slo.id, severity, long, short, factor, longBurn, shortBurn, firing, noData };
  });
}

export interface ErrorBudget {
  /** Bad events the objective allows for this many total events. */
  allowedBad: number;
  actualBad: number;
  /** 1 = untouched, 0 = spent, negative = overspent. With no allowance: 1 if no bad events, else -Infinity. */
  remainingShare: number;
}

/** Error budget for a period: allowance, consumption and share remaining (may go negative). */
export function errorBudget(objective: number, goodEvents: number, totalEvents: number): ErrorBudget {
  if (goodEvents < 0 || totalEvents < 0 || goodEvents > totalEvents) {
    throw new Error(`need 0 <= good (${goodEvents}) <= total (${totalEvents})`);
  }
  const allowedBad = (1 - objective) * totalEvents;
  const actualBad = totalEvents - goodEvents;
  const remainingShare = allowedBad > 0 ? 1 - actualBad / allowedBad : actualBad === 0 ? 1 : -Infinity;
  return { allowedBad, actualBad, remainingShare };
}

/** Share of good events; null with no events (undefined attainment, not 0 or 100%). */
export function attainment(good: number, total: number): number | null {
  if (good < 0 || total < 0 || good > total) throw new Error(`need 0 <= good (${good}) <= total (${total})`);
  return total === 0 ? null : good / total;
}
