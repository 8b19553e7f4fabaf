import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp } from "@/components/ui/timestamp";
import type { PeriodReport } from "@/lib/reports/period-report";
import { DailyTrafficChart, SloAttainmentChart } from "./report-charts";

type Row = PeriodReport["slo"]["rows"][number];
const pct = (n: number | null, digits = 4) => (n === null ? "no traffic" : `${(n * 100).toFixed(digits)} %`);

/** SLO attainment and error budget per priority class, from the console's own scrapes. */
export function SloSection({ slo, charts }: { slo: PeriodReport["slo"]; charts: boolean }) {
  if (!slo.measured) {
    return (
      <Card title="SLO attainment and error budget" testId="report-slo">
        <EmptyState testId="report-slo-empty">No measurements in this period: the console stored {slo.scrapes} scrape(s) of the clinical service inside it (it keeps 31 days of scrapes), and needs at least one increase between two scrapes to count requests.</EmptyState>
      </Card>
    );
  }
  const measured = slo.rows.filter((r) => r.attainment !== null);
  return (
    <Card title="SLO attainment and error budget" testId="report-slo">
      <p className="muted" data-testid="report-slo-coverage">From {slo.scrapes} scrapes of the clinical service stored by the console, <Timestamp at={slo.firstScrape} /> to <Timestamp at={slo.lastScrape} /> (real traffic; load tests excluded; the console keeps 31 days of scrapes). The error budget is the period&apos;s own: (1 − objective) × requests.</p>
      {charts && measured.length > 0 && <SloAttainmentChart data={measured.map((r) => ({ slo: r.sloId, attainment: r.attainment! * 100, objective: r.objective * 100 }))} />}
      {charts && slo.daily.length > 0 && <DailyTrafficChart data={slo.daily} />}
      <DataTable<Row>
        testId="report-slo-table"
        caption="SLO attainment per priority class"
        rows={slo.rows}
        rowKey={(r) => r.sloId}
        columns={[
          { header: "SLO", cell: (r) => r.sloId },
          { header: "Objective", cell: (r) => pct(r.objective, 3), numeric: true },
          { header: "Requests", cell: (r) => r.total, numeric: true },
          { header: "Bad", cell: (r) => r.bad, numeric: true },
          { header: "Attained", cell: (r) => pct(r.attainment), numeric: true },
          { header: "Budget left", cell: (r) => (r.budgetRemaining === null ? "—" : pct(r.budgetRemaining, 1)), numeric: true },
        ]}
      />
    </Card>
  );
}
