import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/services/auth/dal";
import { AppError } from "@/lib/errors";
import { generatePeriodReport } from "@/lib/services/reports/generate-period-report";
import { EmptyState } from "@/components/ui/empty-state";
import { PeriodForm } from "@/components/reports/period-form";
import { PeriodReportView } from "@/components/reports/period-report-view";
import { ReportDownloads } from "@/components/reports/report-downloads";

export const metadata: Metadata = { title: "Period report" };

type Search = { from?: string; to?: string; through?: string; asOf?: string };

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePagePermission("compliance.report", "report.view");
  const { from, to, through, asOf } = await searchParams;
  let report = null;
  let errors: Record<string, string[]> | undefined;
  if (from || to) {
    try {
      report = await generatePeriodReport(actor, { from, to, through, asOf });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== "INVALID_INPUT") throw err;
      errors = err.fields ?? { from: [err.message] };
    }
  }
  return (
    <>
      <h1>Period report</h1>
      <p className="muted">
        For a period: SLO attainment and error budget per priority class, changes people made (who, when, why,
        before and after), access refusals, sign-in failures by source, break-glass uses and the audit chain&apos;s
        verification. Generating and downloading are audited.
      </p>
      <PeriodForm initial={{ from: from?.slice(0, 10), to: to?.slice(0, 10) }} errors={errors} />
      {report ? (
        <>
          <ReportDownloads report={report} />
          <PeriodReportView report={report} />
        </>
      ) : (
        !errors && <EmptyState testId="report-choose-period">Choose a period to generate its report.</EmptyState>
      )}
    </>
  );
}
