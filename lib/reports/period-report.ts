import { breakGlassRows, changeRows, refusalRows, signInFailuresBySource, type ReportAuditEvent } from "./period-audit";
import { dailyTraffic, sloPeriodRows, type ScrapeSample } from "./period-slo";
import { deriveBurnAlerts } from "./burn-alerts";

export interface ChainResult {
  ok: boolean;
  checked: number;
  firstBroken: { seq: string; reason: string } | null;
  lastCheckpoint: { seq: string; at: string; count: number } | null;
}

/** What the alert section is and is not, said on the report. */
export const ALERT_HISTORY_NOTE =
  "Re-derived from the console's own scrapes with the exported burn-rate rules (both windows at or above the factor, held for the rule's for-duration), evaluated at each scrape. The console does not record Prometheus/Alertmanager's own alert history.";

export interface PeriodReportInput {
  from: Date;
  to: Date;
  through: string;
  asOf: Date;
  events: ReportAuditEvent[];
  /** Scrapes from ALERT_LOOKBACK_S before the period to its end (or asOf), oldest first. */
  samples: ScrapeSample[];
  chain: ChainResult;
}

/** Assembles the report's sections from rows already read; pure, so the tests pin every number. */
export function assemblePeriodReport(input: PeriodReportInput) {
  const { events } = input;
  const from = input.from.getTime();
  const inPeriod = input.samples.filter((x) => x.at >= from);
  const before = input.samples.filter((x) => x.at < from).at(-1);
  // The last sample before the period is the baseline of its first increase.
  const samples = before ? [before, ...inPeriod] : inPeriod;
  const measured = inPeriod.length > 0 && samples.length >= 2;
  return {
    period: { from: input.from.toISOString(), to: input.to.toISOString() },
    through: input.through,
    asOf: input.asOf.toISOString(),
    slo: {
      scrapes: inPeriod.length, measured, rows: sloPeriodRows(samples), daily: dailyTraffic(samples),
      firstScrape: inPeriod[0] ? new Date(inPeriod[0].at).toISOString() : null,
      lastScrape: inPeriod.at(-1) ? new Date(inPeriod.at(-1)!.at).toISOString() : null,
    },
    alerts: { measured, note: ALERT_HISTORY_NOTE, rows: measured ? deriveBurnAlerts(input.samples, from, input.to.getTime()) : [] },
    auditEvents: events.length,
    changes: changeRows(events),
    refusals: refusalRows(events),
    signInFailures: signInFailuresBySource(events),
    breakGlass: breakGlassRows(events),
    chain: input.chain,
  };
}

export type PeriodReport = ReturnType<typeof assemblePeriodReport>;
