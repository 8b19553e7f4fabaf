/**
 * `LIMIT … OFFSET …` for one search page. The page size is written into the text (a validated
 * integer, 1 to the resource's maximum, and few distinct values in practice), as is a first
 * page's `OFFSET 0`: with literals, PostgreSQL's cached generic plan of the prepared statement
 * is costed for that page, so it is kept and the statement is not re-planned on every request.
 * With `$n` the generic plan assumes a tenth of the matching rows and loses to a fresh custom
 * plan each time. Deeper offsets stay parameters so that paging does not mint a statement per
 * page. pg_stat_statements shows both forms as `LIMIT $n OFFSET $m`.
 */
export function pageSql(count: number, offset: number, push: (v: unknown) => string): string {
  if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(offset) || offset < 0) throw new RangeError("page size and offset must be whole numbers");
  return `LIMIT ${count} OFFSET ${offset === 0 ? "0" : push(offset)}`;
}
