import type { RunSql, StatementsInsight } from "./types";
import { EXTENSION_SQL, STATEMENTS_SINCE_SQL, STATEMENTS_TOTAL_SQL, TOP_STATEMENTS_SQL } from "./insight-sql";

/** How many statements the top-queries view lists, by total execution time. */
export const DEFAULT_TOP_QUERIES = 20;

/** The commands that make pg_stat_statements available on a PostgreSQL server (superuser). */
export const ENABLE_PG_STAT_STATEMENTS = {
  preload: [
    "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements';",
    "-- then restart PostgreSQL, e.g. pg_ctlcluster 15 main restart (Debian) or systemctl restart postgresql",
    "CREATE EXTENSION IF NOT EXISTS pg_stat_statements;",
  ],
  create: ["CREATE EXTENSION IF NOT EXISTS pg_stat_statements;"],
};

const NOT_PRELOADED = /shared_preload_libraries/i;

interface StatementRow { query_id: string; query: string; calls: number; total_ms: number; rows: number }

/**
 * Top statements by total execution time, each named by `nameOf` when the application knows it.
 * A missing or not-preloaded extension is an answer with the fix, never an exception.
 */
export async function topStatements(run: RunSql, nameOf: (query: string) => string | null, limit = DEFAULT_TOP_QUERIES): Promise<StatementsInsight> {
  const [installed] = await run(EXTENSION_SQL);
  if (!installed) return { available: false, reason: "The pg_stat_statements extension is not created in this database.", enable: ENABLE_PG_STAT_STATEMENTS.create };
  let totalMs: number;
  try {
    const [total] = await run<{ total_ms: number }>(STATEMENTS_TOTAL_SQL);
    totalMs = Number(total?.total_ms ?? 0);
  } catch (err) {
    const message = (err as Error).message;
    if (!NOT_PRELOADED.test(message)) throw err;
    return { available: false, reason: "pg_stat_statements is created but not loaded: it must be listed in shared_preload_libraries.", enable: ENABLE_PG_STAT_STATEMENTS.preload };
  }
  const rows = await run<StatementRow>(TOP_STATEMENTS_SQL, [limit]);
  // pg_stat_statements_info exists from PostgreSQL 14; older servers simply have no "since".
  const since = await run<{ since: Date | string | null }>(STATEMENTS_SINCE_SQL).then((r) => r[0]?.since ?? null, () => null);
  const top = rows.map((r) => {
    const calls = Number(r.calls);
    const total = Number(r.total_ms);
    return { queryId: r.query_id, query: r.query, name: nameOf(r.query), calls, totalMs: total, meanMs: calls ? total / calls : 0, rows: Number(r.rows), share: totalMs > 0 ? total / totalMs : 0 };
  });
  return { available: true, since: since === null ? null : new Date(since).toISOString(), totalMs, top };
}
