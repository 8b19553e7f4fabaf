import type { CacheHitRatio, DatabaseInsight, IndexStats, RunSql, TableStats } from "./types";
import { CACHE_HIT_SQL, INDEXES_SQL, SERVER_SQL, TABLES_SQL } from "./insight-sql";
import { coveredIndexes } from "./covered-indexes";
import { topStatements } from "./statements";

const SECONDS_PER_HOUR = 3600;

interface ServerRow { database: string; version: string; stats_since: Date | string | null; stats_seconds: number | null }
interface TableRow { schema: string; table: string; seq_scans: number; seq_rows_read: number; index_scans: number; rows: number; dead_rows: number; size_bytes: number; writes: number }
interface IndexRow {
  schema: string; table: string; index: string; method: string; definition: string; scans: number; size_bytes: number;
  unique: boolean; primary: boolean; valid: boolean; predicate: string | null; keys: (string | null)[] | string | null;
}
interface CacheRow { table_hit: number | null; table_read: number | null; index_hit: number | null; index_read: number | null }

const ratio = (hit: number | null, read: number | null) => {
  const h = Number(hit ?? 0);
  const total = h + Number(read ?? 0);
  return total > 0 ? h / total : null;
};

export function cacheHitRatio(r: CacheRow | undefined): CacheHitRatio {
  return { tables: ratio(r?.table_hit ?? null, r?.table_read ?? null), indexes: ratio(r?.index_hit ?? null, r?.index_read ?? null) };
}

function tableStats(rows: TableRow[], statsSeconds: number | null): TableStats[] {
  return rows.map((r) => ({
    schema: r.schema, table: r.table, seqScans: Number(r.seq_scans), seqRowsRead: Number(r.seq_rows_read), indexScans: Number(r.index_scans),
    rows: Number(r.rows), deadRows: Number(r.dead_rows), sizeBytes: Number(r.size_bytes),
    writesPerHour: statsSeconds && statsSeconds > 0 ? (Number(r.writes) / statsSeconds) * SECONDS_PER_HOUR : null,
  }));
}

function indexStats(rows: IndexRow[]): IndexStats[] {
  const keysOf = (r: IndexRow) => (typeof r.keys === "string" ? (JSON.parse(r.keys) as (string | null)[]) : (r.keys ?? []));
  const covered = coveredIndexes(rows.map((r) => ({ table: `${r.schema}.${r.table}`, index: r.index, method: r.method, keys: keysOf(r), predicate: r.predicate, unique: r.unique, primary: r.primary })));
  return rows.map((r) => ({
    schema: r.schema, table: r.table, index: r.index, definition: r.definition, scans: Number(r.scans), sizeBytes: Number(r.size_bytes),
    unique: r.unique, primary: r.primary, valid: r.valid,
    unused: Number(r.scans) === 0 && !r.unique && !r.primary,
    coveredBy: covered.get(`${r.schema}.${r.table}.${r.index}`) ?? null,
  }));
}

/** Everything the Database page's insight shows, read from statistics views of any PostgreSQL database. */
export async function collectInsight(run: RunSql, nameOf: (query: string) => string | null = () => null): Promise<DatabaseInsight> {
  const [server] = await run<ServerRow>(SERVER_SQL);
  const statsSeconds = server?.stats_seconds === null || server?.stats_seconds === undefined ? null : Number(server.stats_seconds);
  const statements = await topStatements(run, nameOf);
  const tables = tableStats(await run<TableRow>(TABLES_SQL), statsSeconds);
  const indexes = indexStats(await run<IndexRow>(INDEXES_SQL));
  const [cache] = await run<CacheRow>(CACHE_HIT_SQL);
  return {
    database: server?.database ?? "",
    serverVersion: server?.version ?? "",
    collectedAt: new Date().toISOString(),
    statsSince: server?.stats_since ? new Date(server.stats_since).toISOString() : null,
    statements, tables, indexes,
    cacheHit: cacheHitRatio(cache),
  };
}
