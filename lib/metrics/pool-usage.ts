import { parseExposition } from "@/core/metrics/parse-exposition";
import { summarizeHistogram } from "./histogram-summary";

/** One priority class's pool figures, as one read of the clinical service's /metrics saw them. */
export interface PoolClassUsage {
  /** Queries admitted or given up since the service started. */
  queries: number;
  /** Upper bound of the bucket holding the 95th-percentile wait, seconds (null: no queries yet). */
  waitP95S: number | null;
  inUse: number;
  waiting: number;
  /** Queries given up: no connection in time (wait) or cancelled by statement_timeout (statement). */
  timeouts: { wait: number; statement: number };
}

const NAMES = new Set(["clinical_db_pool_wait_seconds_bucket", "clinical_db_pool_in_use", "clinical_db_pool_waiting", "clinical_db_pool_timeouts_total"]);

/** Reads the `clinical_db_pool_*` series by class (the only label they carry). */
export function poolUsage(exposition: string): Record<string, PoolClassUsage> {
  const out: Record<string, PoolClassUsage> = {};
  const of = (c: string) => (out[c] ??= { queries: 0, waitP95S: null, inUse: 0, waiting: 0, timeouts: { wait: 0, statement: 0 } });
  const samples = parseExposition(exposition, (n) => NAMES.has(n));
  for (const s of samples) {
    const c = of(s.labels.class ?? "unknown");
    if (s.name === "clinical_db_pool_in_use") c.inUse = s.value;
    else if (s.name === "clinical_db_pool_waiting") c.waiting = s.value;
    else if (s.name === "clinical_db_pool_timeouts_total") c.timeouts[s.labels.kind === "statement" ? "statement" : "wait"] += s.value;
  }
  const buckets = samples.filter((s) => s.name.endsWith("_bucket")).map((s) => ({ labels: s.labels, value: s.value, metricName: s.name }));
  for (const row of summarizeHistogram(buckets, 0.95)) {
    const c = of(row.labels.class ?? "unknown");
    c.queries = row.count;
    c.waitP95S = row.p75; // summarizeHistogram names its field p75; here it holds the 0.95 quantile asked for
  }
  return out;
}
