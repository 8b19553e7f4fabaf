import { createIndexSql } from "./ddl";
import type { AdvisorDb, Candidate, WhatIfMethod } from "./types";

/**
 * Runs `fn` while `candidates` exist for the planner, then removes them. `names[i]` is how
 * EXPLAIN will name candidate i.
 * - hypopg: hypothetical indexes (no build, no lock); `hypopg_reset()` afterwards.
 * - transaction: real CREATE INDEX inside a savepoint of the caller's transaction, rolled back
 *   afterwards (builds for real, so only for small databases such as the embedded one).
 */
export async function withCandidates<T>(db: AdvisorDb, method: WhatIfMethod, candidates: Candidate[], fn: (names: string[]) => Promise<T>): Promise<T> {
  if (method === "hypopg") {
    try {
      const names: string[] = [];
      for (const c of candidates) {
        const { rows } = await db.query<{ indexname: string }>("SELECT indexname FROM hypopg_create_index($1)", [createIndexSql(c, { name: "hypo" })]);
        names.push(rows[0]!.indexname);
      }
      return await fn(names);
    } finally {
      await db.query("SELECT hypopg_reset()");
    }
  }
  await db.query("SAVEPOINT vigil_what_if");
  try {
    const names = candidates.map((_, i) => `vigil_what_if_${i}`);
    for (const [i, c] of candidates.entries()) await db.query(createIndexSql(c, { name: names[i] }));
    return await fn(names);
  } finally {
    await db.query("ROLLBACK TO SAVEPOINT vigil_what_if");
    await db.query("RELEASE SAVEPOINT vigil_what_if");
  }
}
