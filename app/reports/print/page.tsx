import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/services/auth/dal";
import { generatePeriodReport } from "@/lib/services/reports/generate-period-report";
import { PeriodReportView } from "@/components/reports/period-report-view";

export const metadata: Metadata = { title: "Period report (print)" };

/**
 * The printable report: outside the console layout (no navigation), tables only so what prints
 * does not depend on charts finishing in the browser. The PDF download is this page rendered by
 * Chromium. An invalid period is an error here: the page is reached from a generated report's links.
 */
export default async function PrintReportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("compliance.report", "report.view");
  const { from, to, through, asOf } = await searchParams;
  const report = await generatePeriodReport(actor, { from, to, through, asOf });
  return (
    <main className="print-report" data-testid="print-report">
      <h1>Vigil · period report</h1>
      <PeriodReportView report={report} charts={false} />
    </main>
  );
}
