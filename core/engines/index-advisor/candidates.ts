import { candidateKey, coveredByExisting } from "./covered";
import { MAX_INDEX_COLUMNS } from "./defaults";
import type { TableUse } from "./resolve-block";
import type { Candidate, IndexColumn } from "./types";

const asc = (name: string): IndexColumn => ({ name, desc: false });

/**
 * Candidate indexes for one table use, Dexter-style: every single column first, then
 * multi-column keys in the order a btree can use them — equality columns (most selective
 * first), then `IN` columns, then either the ORDER BY (directions kept) or one range column.
 * Literal predicates also yield partial variants. Keys an existing index already leads with
 * are dropped.
 */
export function candidatesFor(use: TableUse): { single: Candidate[]; multi: Candidate[] } {
  const distinct = (c: string) => use.table.distinct[c] ?? 0;
  const eq = [...use.eq].sort((a, b) => distinct(b) - distinct(a));
  const inCols = use.in.filter((c) => !eq.includes(c));
  const range = use.range.filter((c) => !eq.includes(c) && !inCols.includes(c));
  // Sorting on a column fixed by equality is free: it drops out of the sort part of the key.
  const sort = use.sort.filter((s) => !eq.includes(s.name));

  const single = [...eq, ...inCols, ...range].map((c) => [asc(c)]);
  if (sort[0]) single.push([sort[0]]);

  const lead = [...eq, ...inCols].map(asc);
  const multi: IndexColumn[][] = [];
  if (lead.length >= 2) multi.push(lead);
  if (range[0]) multi.push([...lead, asc(range[0])]);
  if (sort.length) multi.push([...eq.map(asc), ...inCols.filter((c) => !sort.some((s) => s.name === c)).map(asc), ...sort]);

  return { single: finish(use, single), multi: finish(use, multi.filter((m) => m.length >= 2)) };
}

function finish(use: TableUse, keys: IndexColumn[][]): Candidate[] {
  const base = { schema: use.table.schema, table: use.table.name };
  const out = new Map<string, Candidate>();
  const constantCols = new Set(use.constants.map((c) => c.column));
  for (const key of keys) {
    const columns = key.slice(0, MAX_INDEX_COLUMNS);
    const variants: Candidate[] = [{ ...base, columns, where: [] }];
    const rest = columns.filter((c) => !constantCols.has(c.name));
    if (use.constants.length && rest.length) variants.push({ ...base, columns: rest, where: use.constants });
    for (const v of variants) if (!coveredByExisting(v, use.table.indexes)) out.set(candidateKey(v), v);
  }
  return [...out.values()];
}
