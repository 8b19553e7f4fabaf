import { Timestamp } from "@/components/ui/timestamp";
import type { PeriodReport } from "@/lib/reports/period-report";
import { SloSection } from "./slo-section";
import { AlertsSection, BreakGlassSection, ChainSection, ChangesSection, RefusalsSection, SignInFailuresSection } from "./audit-sections";

/** Every section of a period report; the console page and the printable page both render this. */
export function PeriodReportView({ report, charts = true }: { report: PeriodReport; charts?: boolean }) {
  return (
    <div data-testid="period-report">
      <p className="muted" data-testid="report-summary">
        Period <Timestamp at={report.period.from} /> to <Timestamp at={report.period.to} /> (end excluded) · {report.auditEvents} audit events up to event {report.through} · data as of <Timestamp at={report.asOf} />
      </p>
      <SloSection slo={report.slo} charts={charts} />
      <AlertsSection alerts={report.alerts} />
      <ChangesSection rows={report.changes} />
      <RefusalsSection rows={report.refusals} />
      <SignInFailuresSection rows={report.signInFailures} />
      <BreakGlassSection rows={report.breakGlass} />
      <ChainSection chain={report.chain} />
    </div>
  );
}
