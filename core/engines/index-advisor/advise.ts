import { readActivity, tableActivity } from "./activity";
import { readCatalog } from "./catalog";
import { consolidate } from "./consolidate";
import { createIndexSql, indexName } from "./ddl";
import { DEFAULT_MIN_CALLS, KEEP_BELOW_COST_SHARE } from "./defaults";
import { evaluateQuery, type QueryPick } from "./evaluate-query";
import { explainGeneric } from "./explain";
import { requireHypopg, requireStatStatements } from "./extensions";
import { mergeWorkload } from "./sample-activity";
import { rankSuggestions, savedMsPerHour, sumBy } from "./rank";
import type { Advice, AdvisorDb, Candidate, QueryEffect, SkippedQuery, Suggestion, WhatIfMethod, WorkloadQuery } from "./types";
import { withCandidates } from "./what-if";
import { readWorkload, readWorkloadWindowHours } from "./workload";

export interface AdviseOptions {
  /** Statements called fewer times are ignored. */
  minCalls?: number;
  /** `hypopg` needs the extension; `transaction` builds each candidate for real (small databases only). */
  method: WhatIfMethod;
  /** The caller already holds a transaction on `db` (transaction method only): use savepoints only. */
  insideTransaction?: boolean;
  /**
   * Statements seen running in pg_stat_activity (sample-activity.ts): the ones a statement
   * timeout cancels, which pg_stat_statements never counts.
   */
  sampled?: WorkloadQuery[];
  /** Only advise for these tables (`schema.table`): the re-check of one suggestion before apply. */
  tables?: string[];
}

/**
 * The index advisor, end to end: the workload from pg_stat_statements, each statement's
 * generic plan, the best candidate per statement (kept below 50% of today's cost), merged
 * into one set, verified together, ranked by estimated time saved per hour.
 * Throws MissingExtensionError (with the fix) when pg_stat_statements or HypoPG is missing.
 */
export async function adviseIndexes(db: AdvisorDb, opts: AdviseOptions): Promise<Advice> {
  await requireStatStatements(db);
  if (opts.method === "hypopg") await requireHypopg(db);
  const ownTransaction = opts.method === "transaction" && !opts.insideTransaction;
  const workload = mergeWorkload(await readWorkload(db, opts.minCalls ?? DEFAULT_MIN_CALLS), opts.sampled ?? []);
  const windowHours = await readWorkloadWindowHours(db);
  const activity = await readActivity(db);
  if (ownTransaction) await db.query("BEGIN");
  await db.query(opts.method === "transaction" ? "SET LOCAL plan_cache_mode = force_generic_plan" : "SET plan_cache_mode = force_generic_plan");
  try {
    const catalog = await readCatalog(db);
    if (opts.tables) catalog.tables = catalog.tables.filter((t) => opts.tables!.includes(`${t.schema}.${t.name}`));
    const picks: QueryPick[] = [];
    const skipped: SkippedQuery[] = [];
    for (const q of workload) {
      try {
        const r = await evaluateQuery(db, opts.method, catalog, q);
        if ("skipped" in r) skipped.push({ query: q.query, reason: r.skipped });
        else picks.push(r);
      } catch (err) {
        skipped.push({ query: q.query, reason: err instanceof Error ? err.message : String(err) });
      }
    }
    const chosen = consolidate(picks.flatMap((p) => (p.best ? [p.best.candidate] : [])));
    const suggestions = await verify(db, opts.method, chosen, picks, windowHours);
    for (const s of suggestions) s.activity = activity.get(`${s.schema}.${s.table}`) ?? tableActivity(0, 0, 1);
    return { method: opts.method, suggestions: rankSuggestions(suggestions), analyzed: picks.length, skipped, windowHours };
  } finally {
    if (ownTransaction) await db.query("ROLLBACK");
    else if (opts.method === "hypopg") await db.query("RESET plan_cache_mode");
  }
}

/**
 * All chosen indexes at once, every analysed statement re-planned: a suggestion keeps the
 * statements whose plan reads it, and survives if one of them drops below 50% of its cost.
 */
async function verify(db: AdvisorDb, method: WhatIfMethod, chosen: Candidate[], picks: QueryPick[], windowHours: number): Promise<Suggestion[]> {
  if (chosen.length === 0) return [];
  const effects = chosen.map(() => [] as QueryEffect[]);
  await withCandidates(db, method, chosen, async (names) => {
    for (const p of picks) {
      const after = await explainGeneric(db, p.query.query, p.params, method === "transaction", p.paging).catch(() => undefined);
      const used = names.flatMap((n, i) => (after?.indexes.includes(n) ? [i] : []));
      if (!after || used.length === 0 || after.cost >= p.costBefore) continue;
      const saved = savedMsPerHour(p.query.calls, p.query.meanMs, p.costBefore, after.cost, windowHours) / used.length;
      for (const i of used) effects[i]!.push(effect(p.query, p.costBefore, after.cost, saved));
    }
  });
  return chosen.flatMap((c, i) => {
    const qs = effects[i]!;
    if (!qs.some((q) => q.costAfter < q.costBefore * KEEP_BELOW_COST_SHARE)) return [];
    return [{
      ...c,
      name: indexName(c),
      ddl: createIndexSql(c, { concurrently: true }),
      queries: qs.sort((a, b) => b.savedMsPerHour - a.savedMsPerHour),
      costBefore: sumBy(qs, (q) => q.costBefore),
      costAfter: sumBy(qs, (q) => q.costAfter),
      estimatedSavedMsPerHour: sumBy(qs, (q) => q.savedMsPerHour),
      activity: tableActivity(0, 0, 1),
    }];
  });
}

function effect(q: WorkloadQuery, costBefore: number, costAfter: number, savedMsPerHour: number): QueryEffect {
  return { query: q.query, queryId: q.queryId, calls: q.calls, meanMs: q.meanMs, costBefore, costAfter, savedMsPerHour };
}
