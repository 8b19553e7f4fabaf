import type { Comparison } from "@/core/engines/regression/types";
import type { MeanChange } from "@/core/engines/db-insight/query-means";
import type { OptimizeResult } from "@/lib/services/database/optimize/get-optimize";
import { DataTable, type Column } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { fmtCount, fmtMs } from "./format";

const faster = (ratio: number) => (ratio < 1 ? `${((1 - ratio) * 100).toFixed(0)}% faster` : ratio > 1 ? `${((ratio - 1) * 100).toFixed(0)}% slower` : "same");

const ENDPOINTS: Column<Comparison>[] = [
  { header: "Endpoint", cell: (c) => c.endpoint },
  { header: "Metric", cell: (c) => c.metric },
  { header: "Before", cell: (c) => fmtMs(c.baselineValue), numeric: true },
  { header: "After", cell: (c) => fmtMs(c.candidateValue), numeric: true },
  { header: "Ratio", cell: (c) => `×${c.ratio.toFixed(3)}`, numeric: true },
  { header: "Outcome", cell: (c) => <StatusBadge status={c.outcome === "improvement" ? "ok" : c.outcome === "regression" ? "bad" : "neutral"} label={c.outcome} /> },
];

const QUERIES: Column<MeanChange>[] = [
  { header: "Query", cell: (q) => <span title={q.query}>{q.name ?? q.query.slice(0, 60)}</span> },
  { header: "Calls before / after", cell: (q) => `${fmtCount(q.callsBefore)} / ${fmtCount(q.callsAfter)}`, numeric: true },
  { header: "Mean before", cell: (q) => fmtMs(q.meanBeforeMs), numeric: true },
  { header: "Mean after", cell: (q) => fmtMs(q.meanAfterMs), numeric: true },
  { header: "Change", cell: (q) => faster(q.ratio), numeric: true },
];

/** The verdict with per-endpoint ratios, and each query's measured mean before and after. */
export function OptimizeResultView({ result }: { result: OptimizeResult }) {
  if (result.nothingToApply) return <p data-testid="optimize-nothing">The advisor found no index that would halve a query&apos;s cost: nothing to apply.</p>;
  return (
    <div data-testid="optimize-result">
      <p>
        Verdict{" "}
        <span data-testid="optimize-verdict">
          <StatusBadge status={result.verdict === "improvement" ? "ok" : result.verdict === "regression" ? "bad" : "warn"} label={result.verdict} />
        </span>
      </p>
      <ul>{result.explanation.map((l) => <li key={l}>{l}</li>)}</ul>
      <DataTable testId="optimize-endpoints" caption="Per-endpoint ratios" columns={ENDPOINTS} rows={result.comparisons} rowKey={(c) => `${c.endpoint}-${c.metric}`} />
      <h3>Per query (pg_stat_statements, mean during each run)</h3>
      <DataTable testId="optimize-queries" caption="Per-query means" columns={QUERIES} rows={result.queries} rowKey={(q) => q.queryId} />
    </div>
  );
}
