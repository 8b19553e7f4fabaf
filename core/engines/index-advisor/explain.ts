import { PLANNED_PAGE_ROWS } from "./defaults";
import type { PagingParam } from "./parse-query";
import type { AdvisorDb } from "./types";

export interface PlanSummary {
  /** The generic plan's total cost (planner units). */
  cost: number;
  /** Every index the plan reads, as EXPLAIN names it. */
  indexes: string[];
}

let counter = 0;

/**
 * The generic plan of a normalized statement (`$1` parameters). PostgreSQL 15 has no
 * EXPLAIN (GENERIC_PLAN): PREPARE lets the server infer the parameter types, and with
 * plan_cache_mode = force_generic_plan (set by the caller) EXPLAIN EXECUTE with NULLs shows
 * the plan every call would share. Inside a what-if transaction (`savepoint`) a failing
 * statement is rolled back to a savepoint so the transaction stays usable.
 * `paging`: the statement's LIMIT / OFFSET parameters are planned as one page from the start
 * (PLANNED_PAGE_ROWS, 0) by writing those constants in their place, their `$n` then declared
 * bigint and unused, so every other parameter keeps its number and inferred type.
 */
export async function explainGeneric(db: AdvisorDb, sql: string, params: number, savepoint: boolean, paging: readonly PagingParam[] = []): Promise<PlanSummary> {
  const name = `vigil_advise_${++counter}`;
  if (savepoint) await db.query("SAVEPOINT vigil_explain");
  try {
    await db.query(plannedPrepare(name, sql, params, paging));
    const args = params > 0 ? `(${Array.from({ length: params }, () => "NULL").join(", ")})` : "";
    const { rows } = await db.query<Record<string, unknown>>(`EXPLAIN (FORMAT JSON) EXECUTE ${name}${args}`);
    await db.query(`DEALLOCATE ${name}`);
    if (savepoint) await db.query("RELEASE SAVEPOINT vigil_explain");
    return summarize(rows[0] ? Object.values(rows[0])[0] : undefined);
  } catch (err) {
    if (savepoint) await db.query("ROLLBACK TO SAVEPOINT vigil_explain");
    // PREPARE outlives a rolled-back savepoint: deallocate only what exists.
    const { rows } = await db.query("SELECT 1 FROM pg_prepared_statements WHERE name = $1", [name]);
    if (rows.length) await db.query(`DEALLOCATE ${name}`);
    throw err;
  }
}

/** The PREPARE statement for `sql`, with its paging parameters written as one page from the start. */
export function plannedPrepare(name: string, sql: string, params: number, paging: readonly PagingParam[]): string {
  if (paging.length === 0) return `PREPARE ${name} AS ${sql}`;
  let text = sql;
  for (const p of [...paging].sort((a, b) => b.location - a.location)) {
    const value = p.role === "limit" ? PLANNED_PAGE_ROWS : 0;
    text = text.slice(0, p.location) + String(value) + text.slice(p.location + `$${p.param}`.length);
  }
  const pinned = new Set(paging.map((p) => p.param));
  const types = Array.from({ length: params }, (_, i) => (pinned.has(i + 1) ? "bigint" : "unknown"));
  return `PREPARE ${name} (${types.join(", ")}) AS ${text}`;
}

export function summarize(explainOutput: unknown): PlanSummary {
  const doc = typeof explainOutput === "string" ? JSON.parse(explainOutput) : explainOutput;
  const plan = (Array.isArray(doc) ? doc[0] : doc)?.Plan as Record<string, unknown> | undefined;
  if (!plan) throw new Error("EXPLAIN returned no plan");
  const indexes = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (typeof node["Index Name"] === "string") indexes.add(node["Index Name"]);
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(plan);
  return { cost: Number(plan["Total Cost"]), indexes: [...indexes] };
}
