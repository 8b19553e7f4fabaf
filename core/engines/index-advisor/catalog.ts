import type { AdvisorDb, IndexColumn } from "./types";

/** What the advisor knows about one user table, read from the catalog and its statistics. */
export interface CatalogTable {
  schema: string;
  name: string;
  columns: string[];
  /** Estimated rows (pg_class.reltuples). */
  rows: number;
  /** Distinct values per analysed column (pg_stats.n_distinct resolved to a count). */
  distinct: Record<string, number>;
  indexes: ExistingIndex[];
}

export interface ExistingIndex {
  name: string;
  /** Key columns up to the first expression (an expression ends what a prefix can match). */
  columns: IndexColumn[];
  partial: boolean;
  valid: boolean;
  method: string;
}

export interface Catalog {
  /** The session's effective search_path, to resolve unqualified table names. */
  searchPath: string[];
  tables: CatalogTable[];
}

const USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'";

const TABLES_SQL = `
SELECT n.nspname AS schema, c.relname AS name, greatest(c.reltuples, 0)::float8 AS rows,
       array_agg(a.attname::text ORDER BY a.attnum) AS columns
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE c.relkind IN ('r', 'p', 'm') AND ${USER_SCHEMAS}
 GROUP BY n.nspname, c.relname, c.reltuples`;

const STATS_SQL = `
SELECT schemaname AS schema, tablename AS name, attname AS column, n_distinct::float8 AS n_distinct
  FROM pg_stats WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`;

// indoption bit 0 is DESC; attnum 0 marks an expression key.
const INDEXES_SQL = `
SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, am.amname AS method,
       x.indisvalid AS valid, x.indpred IS NOT NULL AS partial,
       array(SELECT coalesce(a.attname::text, '') FROM generate_subscripts(x.indkey, 1) k
               LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k]
              WHERE k < x.indnkeyatts ORDER BY k) AS columns,
       array(SELECT (x.indoption[k] & 1) = 1 FROM generate_subscripts(x.indkey, 1) k
              WHERE k < x.indnkeyatts ORDER BY k) AS descending
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
 WHERE ${USER_SCHEMAS}`;

interface IndexRow { schema: string; table: string; name: string; method: string; valid: boolean; partial: boolean; columns: string[]; descending: boolean[] }

export async function readCatalog(db: AdvisorDb): Promise<Catalog> {
  const [path, tables, stats, indexes] = [
    await db.query<{ path: string[] }>("SELECT current_schemas(false)::text[] AS path"),
    await db.query<{ schema: string; name: string; rows: number; columns: string[] }>(TABLES_SQL),
    await db.query<{ schema: string; name: string; column: string; n_distinct: number }>(STATS_SQL),
    await db.query<IndexRow>(INDEXES_SQL),
  ];
  const key = (schema: string, name: string) => `${schema}.${name}`;
  const byName = new Map<string, CatalogTable>();
  for (const t of tables.rows) {
    byName.set(key(t.schema, t.name), { schema: t.schema, name: t.name, columns: t.columns, rows: Number(t.rows), distinct: {}, indexes: [] });
  }
  for (const s of stats.rows) {
    const t = byName.get(key(s.schema, s.name));
    // Negative n_distinct is a fraction of the rows (PostgreSQL's convention for growing columns).
    if (t) t.distinct[s.column] = s.n_distinct < 0 ? -s.n_distinct * t.rows : Number(s.n_distinct);
  }
  for (const i of indexes.rows) {
    const t = byName.get(key(i.schema, i.table));
    if (!t) continue;
    const columns: IndexColumn[] = [];
    for (const [k, name] of i.columns.entries()) {
      if (!name) break;
      columns.push({ name, desc: i.descending[k] ?? false });
    }
    t.indexes.push({ name: i.name, method: i.method, valid: i.valid, partial: i.partial, columns });
  }
  return { searchPath: path.rows[0]?.path ?? ["public"], tables: [...byName.values()] };
}
