/** An index as the catalogue describes it, enough to tell when one makes another redundant. */
export interface IndexShape {
  table: string;
  index: string;
  method: string;
  /** Key columns in order with their sort options (`col`, `col DESC`); null for an expression. */
  keys: (string | null)[];
  predicate: string | null;
  unique: boolean;
  primary: boolean;
}

const isPrefix = (short: (string | null)[], long: (string | null)[]) =>
  short.length <= long.length && short.every((k, i) => k !== null && k === long[i]);

/**
 * For each index, the name of another index on the same table that covers it: same method and
 * predicate, and its key columns start with all of this one's (PgHero's duplicate-index rule).
 * A unique or primary-key index is never reported (it enforces a constraint); of two identical
 * indexes the one sorting later by name is reported, so exactly one of the pair is flagged.
 */
export function coveredIndexes(indexes: IndexShape[]): Map<string, string> {
  const covered = new Map<string, string>();
  for (const a of indexes) {
    if (a.unique || a.primary || a.keys.length === 0) continue;
    for (const b of indexes) {
      if (a === b || a.table !== b.table || a.method !== b.method || a.predicate !== b.predicate) continue;
      if (!isPrefix(a.keys, b.keys)) continue;
      const identical = a.keys.length === b.keys.length;
      if (identical && !b.unique && !b.primary && a.index < b.index) continue;
      covered.set(`${a.table}.${a.index}`, b.index);
      break;
    }
  }
  return covered;
}
