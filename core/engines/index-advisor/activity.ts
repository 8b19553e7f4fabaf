import { MIN_WINDOW_HOURS, WRITE_HEAVY_WRITES_PER_READ } from "./defaults";
import type { AdvisorDb, TableActivity } from "./types";

// Counters run since the database's statistics were last reset (or the server started).
const ACTIVITY_SQL = `
SELECT t.schemaname AS schema, t.relname AS name,
       (t.n_tup_ins + t.n_tup_upd + t.n_tup_del)::float8 AS writes,
       (coalesce(t.seq_scan, 0) + coalesce(t.idx_scan, 0))::float8 AS reads,
       (SELECT extract(epoch FROM now() - coalesce(d.stats_reset, pg_postmaster_start_time()))::float8 / 3600
          FROM pg_stat_database d WHERE d.datname = current_database()) AS hours
  FROM pg_stat_user_tables t`;

/** Write and read rates per table (`schema.table`), so an index on a write-heavy table is flagged. */
export async function readActivity(db: AdvisorDb): Promise<Map<string, TableActivity>> {
  const { rows } = await db.query<{ schema: string; name: string; writes: number; reads: number; hours: number | null }>(ACTIVITY_SQL);
  const out = new Map<string, TableActivity>();
  for (const r of rows) {
    const hours = Math.max(MIN_WINDOW_HOURS, Number(r.hours ?? MIN_WINDOW_HOURS));
    out.set(`${r.schema}.${r.name}`, tableActivity(Number(r.writes), Number(r.reads), hours));
  }
  return out;
}

export function tableActivity(writes: number, reads: number, hours: number): TableActivity {
  const writesPerHour = writes / hours;
  const readsPerHour = reads / hours;
  return { writesPerHour, readsPerHour, writeHeavy: writesPerHour > 0 && writesPerHour > readsPerHour * WRITE_HEAVY_WRITES_PER_READ };
}
