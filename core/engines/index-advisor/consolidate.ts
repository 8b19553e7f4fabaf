import { candidateKey, isPrefix } from "./covered";
import type { Candidate } from "./types";

const whereKey = (c: Candidate) => `${c.schema}.${c.table} ${c.where.map((w) => `${w.column} ${w.sql}`).join(" AND ")}`;

/**
 * One index per need: identical picks merge, and a pick whose key leads a longer pick on the
 * same table (and predicate) is served by that longer one — `(a)` goes when `(a, b DESC)` stays —
 * and a partial index goes when a full index leading with its key is chosen anyway.
 */
export function consolidate(picks: Candidate[]): Candidate[] {
  const unique = new Map<string, Candidate>();
  for (const p of picks) unique.set(candidateKey(p), p);
  const all = [...unique.values()];
  const servedBy = (c: Candidate, o: Candidate) =>
    o !== c && o.schema === c.schema && o.table === c.table && isPrefix(c.columns, o.columns) &&
    // a longer key with the same predicate, or a full index that leads with the partial one's key
    ((whereKey(o) === whereKey(c) && o.columns.length > c.columns.length) || (c.where.length > 0 && o.where.length === 0));
  return all.filter((c) => !all.some((o) => servedBy(c, o)));
}
