import type { RunView } from "./get-run";

interface Point { second: number; requests: number; errors: number; p50: number; p95: number; p99: number }

/** The run's 1-second series as CSV, for spreadsheets. */
export function seriesCsv(run: RunView): string {
  const series = ((run.summary?.series as Point[] | undefined) ?? []);
  const rows = series.map((p) => [p.second, p.requests, p.errors, p.p50, p.p95, p.p99].join(","));
  return ["second,requests,errors,p50_ms,p95_ms,p99_ms", ...rows].join("\n") + "\n";
}
