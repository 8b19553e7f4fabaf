/** Runs one read-only SQL statement; the engine never imports a driver (pg, PGlite). */
export type RunSql = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

/** One normalized statement from pg_stat_statements, with the service's name when one matches. */
export interface TopQuery {
  queryId: string;
  query: string;
  /** The application's name for the query (e.g. `observation.search`), or null when none matched. */
  name: string | null;
  calls: number;
  meanMs: number;
  totalMs: number;
  rows: number;
  /** This query's share of the total execution time of every statement in this database (0..1). */
  share: number;
}

export type StatementsInsight =
  | { available: true; since: string | null; totalMs: number; top: TopQuery[] }
  /** The extension is missing or not preloaded: `enable` lists the exact commands that fix it. */
  | { available: false; reason: string; enable: string[] };

export interface TableStats {
  schema: string;
  table: string;
  seqScans: number;
  seqRowsRead: number;
  indexScans: number;
  rows: number;
  deadRows: number;
  sizeBytes: number;
  /** Inserts + updates + deletes per hour, averaged since `statsSince`. */
  writesPerHour: number | null;
}

export interface IndexStats {
  schema: string;
  table: string;
  index: string;
  definition: string;
  scans: number;
  sizeBytes: number;
  unique: boolean;
  primary: boolean;
  valid: boolean;
  /** Never scanned since the statistics were reset, and enforces no constraint. */
  unused: boolean;
  /** Another index on the same table starts with exactly this one's key columns. */
  coveredBy: string | null;
}

export interface CacheHitRatio {
  /** Table (heap) blocks found in shared buffers, 0..1; null when nothing was read yet. */
  tables: number | null;
  indexes: number | null;
}

export interface DatabaseInsight {
  database: string;
  serverVersion: string;
  collectedAt: string;
  /** When the table and index counters started (stats reset, else server start). */
  statsSince: string | null;
  statements: StatementsInsight;
  tables: TableStats[];
  indexes: IndexStats[];
  cacheHit: CacheHitRatio;
}
