import { breakGlassRows, changeRows, refusalRows, signInFailuresBySource, type ReportAuditEvent } from "./period-audit";
import { dailyTraffic, sloPeriodRows, type ScrapeSample } from "./period-slo";

export interface ChainResult {
  ok: boolean;
  checked: number;
  firstBroken: { seq: string; reason: string } | null;
  lastCheckpoint: { seq: string; at: string; count: number } | null;
}

/** What the console does not record, said on the report instead of leaving a blank. */
export const ALERT_HISTORY_NOTE =
  "Alert history is not recorded by the console: burn-rate alerts fire in Prometheus/Alertmanager from the exported rules, and the console keeps no record of when they fired or resolved.";

export interface PeriodReportInput {
  from: Date;
  to: Date;
  through: string;
  asOf: Date;
  events: ReportAuditEvent[];
  samples: ScrapeSample[];
  /** Scrapes stored inside the period (the baseline sample before it not counted). */
  scrapesInPeriod: number;
  chain: ChainResult;
}

/** Assembles the report's sections from rows already read; pure, so the tests pin every number. */
export function assemblePeriodReport(input: PeriodReportInput) {
  const { events, samples } = input;
  return {
    period: { from: input.from.toISOString(), to: input.to.toISOString() },
    through: input.through,
    asOf: input.asOf.toISOString(),
    slo: { scrapes: input.scrapesInPeriod, measured: input.scrapesInPeriod > 0 && samples.length >= 2, rows: sloPeriodRows(samples), daily: dailyTraffic(samples) },
    alerts: { recorded: false as const, note: ALERT_HISTORY_NOTE },
    auditEvents: events.length,
    changes: changeRows(events),
    refusals: refusalRows(events),
    signInFailures: signInFailuresBySource(events),
    breakGlass: breakGlassRows(events),
    chain: input.chain,
  };
}

export type PeriodReport = ReturnType<typeof assemblePeriodReport>;
