import { KEEP_BELOW_COST_SHARE } from "./defaults";
import { explainGeneric } from "./explain";
import { parseQuery } from "./parse-query";
import type { AdvisorDb, Candidate, WhatIfMethod } from "./types";
import { withCandidates } from "./what-if";

/** Columns, types and indexes of one table: when it differs from the stored one, the table changed. */
export async function tableFingerprint(db: AdvisorDb, schema: string, table: string): Promise<string | null> {
  const { rows } = await db.query<{ fp: string | null }>(
    `SELECT md5(
       coalesce((SELECT string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum)
                   FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '') || '|' ||
       coalesce((SELECT string_agg(pg_get_indexdef(x.indexrelid) || x.indisvalid, ',' ORDER BY 1)
                   FROM pg_index x WHERE x.indrelid = c.oid), '')) AS fp
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, table],
  );
  return rows[0]?.fp ?? null;
}

export interface Recheck {
  costBefore: number;
  costAfter: number;
  stillHelps: boolean;
}

/** Re-runs one suggestion's what-if on its statements against the table as it is now. */
export async function recheckSuggestion(db: AdvisorDb, method: WhatIfMethod, candidate: Candidate, queries: string[]): Promise<Recheck> {
  const savepoint = method === "transaction";
  if (savepoint) await db.query("BEGIN");
  await db.query(`SET ${savepoint ? "LOCAL " : ""}plan_cache_mode = force_generic_plan`);
  try {
    let costBefore = 0;
    let costAfter = 0;
    let best = Infinity;
    for (const sql of queries) {
      const { params, paging } = await parseQuery(sql);
      const before = await explainGeneric(db, sql, params, savepoint, paging);
      const after = await withCandidates(db, method, [candidate], () => explainGeneric(db, sql, params, savepoint, paging));
      costBefore += before.cost;
      costAfter += after.cost;
      best = Math.min(best, before.cost > 0 ? after.cost / before.cost : 1);
    }
    return { costBefore, costAfter, stillHelps: best < KEEP_BELOW_COST_SHARE };
  } finally {
    await db.query(savepoint ? "ROLLBACK" : "RESET plan_cache_mode");
  }
}
