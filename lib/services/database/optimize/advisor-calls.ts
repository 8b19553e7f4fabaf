import "server-only";
import type { Actor } from "../../../auth/actor";
import { AppError } from "../../../errors";

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
  method: "hypopg" | "transaction";
  suggestions: OptimizeSuggestion[];
}

export interface AppliedForOptimize {
  suggestionId: string;
  index: string;
  how: string;
}

// Wired to the index advisor's services (lib/services/database/advise-indexes.ts, apply-index.ts)
// once they are merged; until then the flow stops at the advice step with this reason.
export async function adviseForOptimize(_actor: Actor): Promise<OptimizeAdvice> {
  throw new AppError("UNAVAILABLE", "The index advisor is not available in this build.");
}

export async function applyForOptimize(_actor: Actor, _suggestionId: string, _reason: string): Promise<AppliedForOptimize> {
  throw new AppError("UNAVAILABLE", "The index advisor is not available in this build.");
}
