// Catalogue and statistics views only: the SQL names no application table, so it reads any
// PostgreSQL database (13 or later: pg_stat_statements' *_exec_time columns; 14+ for
// pg_stat_statements_info, which is optional). Counters are cast to float8 because drivers
// return bigint as strings.

/** Every insight statement starts with this comment, so the top-queries view can leave them out. */
export const INSIGHT_MARK = "/* vigil:insight */";

const USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'";

export const SERVER_SQL = `${INSIGHT_MARK}
SELECT current_database() AS database, current_setting('server_version') AS version,
  coalesce(d.stats_reset, pg_postmaster_start_time()) AS stats_since,
  extract(epoch FROM now() - coalesce(d.stats_reset, pg_postmaster_start_time()))::float8 AS stats_seconds
FROM pg_stat_database d WHERE d.datname = current_database()`;

export const EXTENSION_SQL = `${INSIGHT_MARK} SELECT 1 AS ok FROM pg_extension WHERE extname = 'pg_stat_statements'`;

// Only this database's statements; the insight's own statements are left out.
export const STATEMENTS_TOTAL_SQL = `${INSIGHT_MARK}
SELECT coalesce(sum(s.total_exec_time), 0)::float8 AS total_ms
FROM pg_stat_statements s JOIN pg_database db ON db.oid = s.dbid
WHERE db.datname = current_database() AND s.query NOT LIKE '${INSIGHT_MARK}%'`;

export const TOP_STATEMENTS_SQL = `${INSIGHT_MARK}
SELECT s.queryid::text AS query_id, s.query, sum(s.calls)::float8 AS calls,
  sum(s.total_exec_time)::float8 AS total_ms, sum(s.rows)::float8 AS rows
FROM pg_stat_statements s JOIN pg_database db ON db.oid = s.dbid
WHERE db.datname = current_database() AND s.query NOT LIKE '${INSIGHT_MARK}%'
GROUP BY s.queryid, s.query
ORDER BY total_ms DESC
LIMIT $1`;

export const STATEMENTS_SINCE_SQL = `${INSIGHT_MARK} SELECT stats_reset AS since FROM pg_stat_statements_info`;

export const TABLES_SQL = `${INSIGHT_MARK}
SELECT n.nspname AS schema, c.relname AS "table",
  coalesce(s.seq_scan, 0)::float8 AS seq_scans, coalesce(s.seq_tup_read, 0)::float8 AS seq_rows_read,
  coalesce(s.idx_scan, 0)::float8 AS index_scans, coalesce(s.n_live_tup, 0)::float8 AS rows,
  coalesce(s.n_dead_tup, 0)::float8 AS dead_rows, pg_total_relation_size(c.oid)::float8 AS size_bytes,
  (coalesce(s.n_tup_ins, 0) + coalesce(s.n_tup_upd, 0) + coalesce(s.n_tup_del, 0))::float8 AS writes
FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE ${USER_SCHEMAS}
ORDER BY size_bytes DESC, c.relname`;

export const INDEXES_SQL = `${INSIGHT_MARK}
SELECT n.nspname AS schema, t.relname AS "table", i.relname AS "index", am.amname AS method,
  pg_get_indexdef(i.oid) AS definition, coalesce(s.idx_scan, 0)::float8 AS scans,
  pg_relation_size(i.oid)::float8 AS size_bytes, x.indisunique AS "unique", x.indisprimary AS "primary",
  (x.indisvalid AND x.indisready) AS valid, pg_get_expr(x.indpred, x.indrelid) AS predicate,
  (SELECT json_agg(CASE WHEN k.attnum = 0 THEN NULL
            ELSE a.attname || CASE WHEN (k.opt & 1) = 1 THEN ' DESC' ELSE '' END END ORDER BY k.ord)
     FROM unnest(x.indkey::int2[], x.indoption::int2[]) WITH ORDINALITY AS k(attnum, opt, ord)
     LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
     WHERE k.ord <= x.indnkeyatts) AS keys
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = x.indexrelid
WHERE ${USER_SCHEMAS}
ORDER BY t.relname, i.relname`;

export const CACHE_HIT_SQL = `${INSIGHT_MARK}
SELECT (SELECT sum(heap_blks_hit)::float8 FROM pg_statio_user_tables) AS table_hit,
  (SELECT sum(heap_blks_read)::float8 FROM pg_statio_user_tables) AS table_read,
  (SELECT sum(idx_blks_hit)::float8 FROM pg_statio_user_indexes) AS index_hit,
  (SELECT sum(idx_blks_read)::float8 FROM pg_statio_user_indexes) AS index_read`;
