import type { AdvisorDb, WorkloadQuery } from "./types";

/** Poll pg_stat_activity this often while sampling. */
export const SAMPLE_INTERVAL_MS = 250;

/** Only statements running at least this long are worth an index; shorter ones reach pg_stat_statements anyway. */
export const SAMPLE_MIN_RUNNING_MS = 500;

// Statements a statement_timeout cancels never reach pg_stat_statements (it counts completed
// statements only); while they run, pg_stat_activity shows their normalized ($n) text.
const ACTIVE_SQL = `
SELECT pid, query_start::text AS started, (extract(epoch FROM now() - query_start) * 1000)::float8 AS ms, query
  FROM pg_stat_activity
 WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
   AND backend_type = 'client backend' AND now() - query_start >= make_interval(secs => $1::float8 / 1000)
   AND query ~* '^\\s*(with|select|update|delete|insert)\\M'`;

export interface ActivitySampler {
  /** Stops sampling; one workload entry per statement text (calls = executions seen, mean = longest seen). */
  stop(): Promise<WorkloadQuery[]>;
}

/** Samples long-running statements on its own session until stopped (for workloads that time out). */
export function sampleActiveStatements(db: AdvisorDb, minRunningMs = SAMPLE_MIN_RUNNING_MS): ActivitySampler {
  const seen = new Map<string, { runs: Set<string>; maxMs: number }>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await db.query<{ pid: number; started: string; ms: number; query: string }>(ACTIVE_SQL, [minRunningMs]);
      for (const r of rows) {
        const e = seen.get(r.query) ?? { runs: new Set<string>(), maxMs: 0 };
        e.runs.add(`${r.pid}@${r.started}`);
        e.maxMs = Math.max(e.maxMs, Number(r.ms));
        seen.set(r.query, e);
      }
      await new Promise((res) => setTimeout(res, SAMPLE_INTERVAL_MS));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return [...seen.entries()].map(([query, e], i) => ({
        queryId: `activity:${i + 1}`, query, calls: e.runs.size, meanMs: e.maxMs, totalMs: e.maxMs * e.runs.size,
      }));
    },
  };
}

/** pg_stat_statements' entries, plus sampled statements it does not know (by text). */
export function mergeWorkload(counted: WorkloadQuery[], sampled: WorkloadQuery[]): WorkloadQuery[] {
  const known = new Set(counted.map((q) => q.query.replace(/\s+/g, " ").trim()));
  return [...counted, ...sampled.filter((q) => !known.has(q.query.replace(/\s+/g, " ").trim()))];
}
