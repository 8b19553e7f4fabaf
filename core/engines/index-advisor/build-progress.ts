import type { AdvisorDb } from "./types";

export interface BuildProgress {
  pid: number;
  index: string | null;
  table: string | null;
  phase: string;
  blocksDone: number;
  blocksTotal: number;
  tuplesDone: number;
  tuplesTotal: number;
  /** 0–1 over the phase in progress (blocks when counted, else tuples); null when unknown. */
  fraction: number | null;
}

/** Index builds running in this database now, from pg_stat_progress_create_index (read from another session). */
export async function readBuildProgress(db: AdvisorDb): Promise<BuildProgress[]> {
  const { rows } = await db.query<{ pid: number; index: string | null; table: string | null; phase: string; blocks_done: string; blocks_total: string; tuples_done: string; tuples_total: string }>(
    `SELECT p.pid, i.relname AS index, t.relname AS table, p.phase,
            p.blocks_done, p.blocks_total, p.tuples_done, p.tuples_total
       FROM pg_stat_progress_create_index p
       LEFT JOIN pg_class i ON i.oid = p.index_relid LEFT JOIN pg_class t ON t.oid = p.relid
      WHERE p.datid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return rows.map((r) => {
    const [bd, bt, td, tt] = [r.blocks_done, r.blocks_total, r.tuples_done, r.tuples_total].map(Number) as [number, number, number, number];
    return { pid: r.pid, index: r.index, table: r.table, phase: r.phase, blocksDone: bd, blocksTotal: bt, tuplesDone: td, tuplesTotal: tt, fraction: bt > 0 ? bd / bt : tt > 0 ? td / tt : null };
  });
}
