import type { TopQuery } from "@/core/engines/db-insight/types";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { fmtCount, fmtMs, fmtPct } from "./format";
import { QueryShare } from "./query-share";

const COLUMNS: Column<TopQuery>[] = [
  { header: "Query", cell: (q) => <QueryCell q={q} /> },
  { header: "Calls", cell: (q) => fmtCount(q.calls), numeric: true },
  { header: "Mean", cell: (q) => fmtMs(q.meanMs), numeric: true },
  { header: "Total", cell: (q) => fmtMs(q.totalMs), numeric: true },
  { header: "Rows", cell: (q) => fmtCount(q.rows), numeric: true },
  { header: "Share of total", cell: (q) => fmtPct(q.share), numeric: true },
];

function QueryCell({ q }: { q: TopQuery }) {
  return (
    <details>
      <summary data-testid="top-query-name">{q.name ?? <span className="muted">unnamed statement</span>}</summary>
      <code className="code-sm code-wrap">{q.query}</code>
    </details>
  );
}

/** Statements by total execution time, named where the service's query table knows them. */
export function TopQueries({ top }: { top: TopQuery[] }) {
  if (top.length === 0) return <EmptyState testId="top-queries-empty">No statements recorded since the statistics were reset.</EmptyState>;
  return (
    <>
      <QueryShare data={top.slice(0, 10).map((q) => ({ label: q.name ?? `#${q.queryId.slice(-6)}`, share: Math.round(q.share * 1000) / 10 }))} />
      <DataTable testId="top-queries" caption="Top queries by total time" columns={COLUMNS} rows={top} rowKey={(q) => q.queryId + q.query.length} />
    </>
  );
}
