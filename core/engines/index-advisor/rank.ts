import type { QueryEffect, Suggestion } from "./types";

/**
 * Estimated time saved per hour by one statement: calls per hour × mean time × the share of
 * its planner cost the indexes remove. Planner cost is not time, so this is an estimate that
 * assumes time scales with cost; the Optimize flow measures the real figure.
 */
export function savedMsPerHour(calls: number, meanMs: number, costBefore: number, costAfter: number, windowHours: number): number {
  if (costBefore <= 0) return 0;
  const share = Math.min(1, Math.max(0, 1 - costAfter / costBefore));
  return (calls / windowHours) * meanMs * share;
}

/** Most time saved first; equal savings: cheaper query afterwards first. */
export function rankSuggestions(suggestions: Suggestion[]): Suggestion[] {
  return [...suggestions].sort((a, b) => b.estimatedSavedMsPerHour - a.estimatedSavedMsPerHour || a.costAfter - b.costAfter);
}

export const sumBy = (effects: QueryEffect[], f: (e: QueryEffect) => number) => effects.reduce((s, e) => s + f(e), 0);
