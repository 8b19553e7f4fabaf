import { candidatesFor } from "./candidates";
import type { Catalog } from "./catalog";
import { COST_TIE_SHARE, KEEP_BELOW_COST_SHARE } from "./defaults";
import { explainGeneric } from "./explain";
import { parseQuery, type PagingParam } from "./parse-query";
import { resolveBlock } from "./resolve-block";
import type { AdvisorDb, Candidate, WhatIfMethod, WorkloadQuery } from "./types";
import { withCandidates } from "./what-if";

export interface QueryPick {
  query: WorkloadQuery;
  params: number;
  /** LIMIT / OFFSET parameters, planned as one page (explain.ts). */
  paging: PagingParam[];
  costBefore: number;
  /** The best candidate when it beats the 50% rule; undefined when no index pays. */
  best?: { candidate: Candidate; cost: number };
}

const smaller = (a: Candidate, b: Candidate) => a.columns.length - b.columns.length || b.where.length - a.where.length;

/**
 * One statement: its generic plan today, then each candidate alone — single columns first,
 * then multi-column keys — keeping the cheapest. Near-equal costs go to the smaller index.
 */
export async function evaluateQuery(db: AdvisorDb, method: WhatIfMethod, catalog: Catalog, query: WorkloadQuery): Promise<QueryPick | { skipped: string }> {
  const parsed = await parseQuery(query.query);
  const uses = parsed.blocks.flatMap((b) => resolveBlock(b, catalog));
  if (uses.length === 0) return { skipped: "reads no user table" };
  const savepoint = method === "transaction";
  const before = await explainGeneric(db, query.query, parsed.params, savepoint, parsed.paging);
  const pick: QueryPick = { query, params: parsed.params, paging: parsed.paging, costBefore: before.cost };
  const candidates = uses.flatMap((u) => {
    const { single, multi } = candidatesFor(u);
    return [...single, ...multi];
  });
  let best: { candidate: Candidate; cost: number } | undefined;
  for (const candidate of candidates) {
    const after = await withCandidates(db, method, [candidate], () => explainGeneric(db, query.query, parsed.params, savepoint, parsed.paging));
    const tie = best && Math.abs(after.cost - best.cost) <= best.cost * COST_TIE_SHARE;
    if (!best || (tie ? smaller(candidate, best.candidate) < 0 : after.cost < best.cost)) best = { candidate, cost: after.cost };
  }
  if (best && best.cost < before.cost * KEEP_BELOW_COST_SHARE) pick.best = best;
  return pick;
}
