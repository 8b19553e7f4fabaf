/** The advisor's thresholds, each with its unit and reason. */

/** Keep an index only when it brings a query's estimated cost below this share of today's (Dexter's rule). */
export const KEEP_BELOW_COST_SHARE = 0.5;

/** Statements seen fewer times than this are noise from one-off sessions, not workload. */
export const DEFAULT_MIN_CALLS = 10;

/** Two candidates whose costs differ by less than this share are equal: the smaller index wins. */
export const COST_TIE_SHARE = 0.01;

/** A table is write-heavy when rows written per hour exceed this multiple of its scans per hour. */
export const WRITE_HEAVY_WRITES_PER_READ = 1;

/** Rates over a shorter window than this (minutes after a stats reset) would be wild guesses. */
export const MIN_WINDOW_HOURS = 1 / 60;

/** At most this many statements are planned, busiest first, so one run stays within seconds. */
export const MAX_QUERIES = 200;

/** PostgreSQL truncates identifiers longer than this (NAMEDATALEN - 1). */
export const MAX_IDENTIFIER_BYTES = 63;

/** A multi-column candidate is capped here: wider keys rarely pay for their write cost. */
export const MAX_INDEX_COLUMNS = 5;

/**
 * Rows a statement's `LIMIT $n` is planned with: 10, a short page ("the latest 10" vital signs,
 * labs or trips), with `OFFSET $n` planned as 0 (the first page is the busiest). pg_stat_statements
 * keeps no parameter values, so some page size must be assumed; the generic plan's own guess (10%
 * of the matching rows) hides exactly what an ordered index buys: stopping after one page
 * instead of sorting them all. A page as large as a key's whole row set (20 trips per vehicle,
 * LIMIT 20) would hide it too, which is why the smaller common page is used.
 */
export const PLANNED_PAGE_ROWS = 10;
