import { MAX_QUERIES, MIN_WINDOW_HOURS } from "./defaults";
import type { AdvisorDb, WorkloadQuery } from "./types";

// One row per statement (pg_stat_statements splits by user and nesting level); this database
// only; statements that can use an index only (utility commands have nothing to plan).
const WORKLOAD_SQL = `
SELECT queryid::text AS query_id, min(query) AS query, sum(calls)::float8 AS calls,
       sum(total_exec_time)::float8 AS total_ms
  FROM pg_stat_statements
 WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
   AND query ~* '^\\s*(with|select|update|delete|insert)\\M'
 GROUP BY queryid
HAVING sum(calls) >= $1
 ORDER BY sum(total_exec_time) DESC
 LIMIT $2`;

export async function readWorkload(db: AdvisorDb, minCalls: number): Promise<WorkloadQuery[]> {
  const { rows } = await db.query<{ query_id: string; query: string; calls: number; total_ms: number }>(WORKLOAD_SQL, [minCalls, MAX_QUERIES]);
  return rows.map((r) => ({
    queryId: r.query_id,
    query: r.query,
    calls: Number(r.calls),
    totalMs: Number(r.total_ms),
    meanMs: Number(r.total_ms) / Math.max(1, Number(r.calls)),
  }));
}

/** Hours of workload pg_stat_statements has counted since its last reset. */
export async function readWorkloadWindowHours(db: AdvisorDb): Promise<number> {
  const { rows } = await db.query<{ hours: number | null }>(
    "SELECT extract(epoch FROM now() - stats_reset)::float8 / 3600 AS hours FROM pg_stat_statements_info",
  );
  return Math.max(MIN_WINDOW_HOURS, Number(rows[0]?.hours ?? MIN_WINDOW_HOURS));
}

/** Calls and mean time now for the given statements (the "before" of an apply, the "after" of a re-run). */
export async function readStatementMeans(db: AdvisorDb, queryIds: string[]): Promise<Record<string, { calls: number; meanMs: number }>> {
  if (queryIds.length === 0) return {};
  const { rows } = await db.query<{ query_id: string; calls: number; total_ms: number }>(
    `SELECT queryid::text AS query_id, sum(calls)::float8 AS calls, sum(total_exec_time)::float8 AS total_ms
       FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND queryid::text = ANY($1)
      GROUP BY queryid`,
    [queryIds],
  );
  return Object.fromEntries(rows.map((r) => [r.query_id, { calls: Number(r.calls), meanMs: Number(r.total_ms) / Math.max(1, Number(r.calls)) }]));
}
