import { candidateKey, isPrefix } from "./covered";
import type { Candidate } from "./types";

const whereKey = (c: Candidate) => `${c.schema}.${c.table} ${c.where.map((w) => `${w.column} ${w.sql}`).join(" AND ")}`;

/**
 * One index per need: identical picks merge, and a pick whose key leads a longer pick on the
 * same table (and predicate) is served by that longer one — `(a)` goes when `(a, b DESC)` stays.
 */
export function consolidate(picks: Candidate[]): Candidate[] {
  const unique = new Map<string, Candidate>();
  for (const p of picks) unique.set(candidateKey(p), p);
  const all = [...unique.values()];
  return all.filter((c) => !all.some((o) => o !== c && whereKey(o) === whereKey(c) && o.columns.length > c.columns.length && isPrefix(c.columns, o.columns)));
}
