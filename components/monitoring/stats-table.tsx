import Link from "next/link";
import type { KeyStats } from "@/core/engines/monitoring/traffic-series";
import { DataTable } from "@/components/ui/data-table";
import { formatStat } from "./series-rows";

/** Whole-range figures per priority class or route; routes link to their own charts. */
export function StatsTable({ keyHeader, keys, totals, testId, linkFor }: { keyHeader: string; keys: string[]; totals: Record<string, KeyStats>; testId: string; linkFor?: (key: string) => string }) {
  const rows = keys.map((k) => ({ key: k, s: totals[k]! }));
  return (
    <DataTable
      testId={testId}
      caption={`${keyHeader}: requests, rate, errors and latency over the range`}
      rowKey={(r) => r.key}
      rows={rows}
      columns={[
        { header: keyHeader, cell: (r) => (linkFor ? <Link href={linkFor(r.key)}><code>{r.key}</code></Link> : r.key) },
        { header: "Requests", numeric: true, cell: (r) => <span data-testid={`${testId}-requests-${r.key}`} data-value={Math.round(r.s.requests)}>{formatStat("requests", r.s.requests)}</span> },
        { header: "Mean rate", numeric: true, cell: (r) => formatStat("rps", r.s.rps) },
        { header: "Errors (5xx, 429)", numeric: true, cell: (r) => formatStat("errorRatio", r.s.errorRatio) },
        { header: "p50", numeric: true, cell: (r) => formatStat("p50", r.s.p50) },
        { header: "p95", numeric: true, cell: (r) => formatStat("p95", r.s.p95) },
        { header: "p99", numeric: true, cell: (r) => formatStat("p99", r.s.p99) },
      ]}
    />
  );
}
