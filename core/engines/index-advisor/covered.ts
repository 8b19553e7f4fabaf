import type { ExistingIndex } from "./catalog";
import type { Candidate, IndexColumn } from "./types";

const sameColumn = (a: IndexColumn, b: IndexColumn, flip: boolean) => a.name === b.name && a.desc === (flip ? !b.desc : b.desc);

/** `columns` is a leading prefix of `of` (a backward scan serves the all-reversed order too). */
export function isPrefix(columns: IndexColumn[], of: IndexColumn[]): boolean {
  if (columns.length > of.length) return false;
  const forward = columns.every((c, i) => sameColumn(c, of[i]!, false));
  return forward || columns.every((c, i) => sameColumn(c, of[i]!, true));
}

/**
 * An existing valid btree already serves the candidate: its key starts with the candidate's
 * columns. A partial candidate is also served by a full index that leads with the partial
 * predicate's columns and continues with the candidate's.
 */
export function coveredByExisting(candidate: Candidate, indexes: ExistingIndex[]): boolean {
  return indexes.some((index) => {
    if (!index.valid || index.partial || index.method !== "btree") return false;
    if (isPrefix(candidate.columns, index.columns)) return true;
    const lead = candidate.where.map((w) => w.column);
    if (lead.length === 0 || index.columns.length < lead.length + candidate.columns.length) return false;
    const head = index.columns.slice(0, lead.length).map((c) => c.name);
    return lead.every((c) => head.includes(c)) && isPrefix(candidate.columns, index.columns.slice(lead.length));
  });
}

/** Stable identity of a candidate, for de-duplication. */
export function candidateKey(c: Candidate): string {
  const cols = c.columns.map((x) => `${x.name}${x.desc ? " DESC" : ""}`).join(",");
  const where = c.where.map((w) => `${w.column} ${w.sql}`).join(" AND ");
  return `${c.schema}.${c.table}(${cols})${where ? ` WHERE ${where}` : ""}`;
}
