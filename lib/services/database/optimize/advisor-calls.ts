import "server-only";
import type { Actor } from "../../../auth/actor";
import { AppError } from "../../../errors";
import { adviseIndexes } from "../advise-indexes";
import { applyIndex } from "../apply-index";

/** A suggestion as the Optimize flow shows it for confirmation. */
export interface OptimizeSuggestion {
  id: string;
  table: string;
  ddl: string;
  costBefore: number;
  costAfter: number;
  estimatedSavedMsPerHour: number;
  queries: string[];
}

export interface OptimizeAdvice {
  method: string;
  suggestions: OptimizeSuggestion[];
}

export interface AppliedForOptimize {
  suggestionId: string;
  appliedIndexId: string;
  index: string;
  buildMs: number | null;
  how: string;
}

/** The index advisor on the workload the baseline run just produced (stored like any advice). */
export async function adviseForOptimize(actor: Actor): Promise<OptimizeAdvice> {
  const advice = await adviseIndexes(actor, {});
  return {
    method: advice.method,
    suggestions: advice.suggestions.map((s) => ({
      id: s.id, table: s.table, ddl: s.ddl, costBefore: s.costBefore, costAfter: s.costAfter,
      estimatedSavedMsPerHour: s.estimatedSavedMsPerHour, queries: s.queries.map((q) => q.query),
    })),
  };
}

/** Applies one suggestion through the advisor's audited apply; a failed build stops the flow. */
export async function applyForOptimize(actor: Actor, suggestionId: string, reason: string): Promise<AppliedForOptimize> {
  const r = await applyIndex(actor, { suggestionId, reason });
  if (r.status !== "valid") throw new AppError("CONFLICT", `Building ${r.indexName} failed: ${r.error ?? "unknown error"}; the invalid index was dropped.`);
  return { suggestionId, appliedIndexId: r.id, index: r.indexName, buildMs: r.buildMs, how: r.note ?? "CREATE INDEX CONCURRENTLY" };
}
