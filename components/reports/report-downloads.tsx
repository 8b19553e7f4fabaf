import type { PeriodReport } from "@/lib/reports/period-report";

/** The pinned report's query: every download and the printable page describe the same data. */
export function pinnedQuery(r: PeriodReport): string {
  return new URLSearchParams({ from: r.period.from, to: r.period.to, through: r.through, asOf: r.asOf }).toString();
}

/** Download links (each audited) and the printable page. */
export function ReportDownloads({ report }: { report: PeriodReport }) {
  const q = pinnedQuery(report);
  return (
    <section className="panel" data-testid="report-downloads">
      <p>
        <a href={`/api/reports/period/csv?${q}`} download data-testid="report-download-csv">CSV</a>{" · "}
        <a href={`/api/reports/period/pdf?${q}`} download data-testid="report-download-pdf">PDF</a>{" · "}
        <a href={`/api/reports/period/manifest?${q}`} download data-testid="report-download-manifest">Manifest (SHA-256 of each file)</a>{" · "}
        <a href={`/reports/print?${q}`} target="_blank" rel="noopener" data-testid="report-print-link">Printable page</a>
      </p>
      <p className="muted">
        Each file answers with its SHA-256 in the X-Content-SHA256 header; the manifest lists the CSV&apos;s and the PDF&apos;s
        name, size and SHA-256 for this pinned report (events up to {report.through}, data as of {report.asOf}).
      </p>
    </section>
  );
}
