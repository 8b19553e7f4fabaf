import "server-only";
import type { ComparableRun } from "@/core/engines/regression/run-comparison";

/** A stored run as the regression detector reads it, or null when it has no windows. */
export function comparableRun(run: { summary: unknown; windows: unknown }): ComparableRun | null {
  const summary = run.summary as { durationS?: number; windowS?: number } | null;
  const durationS = summary?.durationS;
  if (!durationS || !run.windows || typeof run.windows !== "object") return null;
  return { durationS, windowS: summary?.windowS, windows: run.windows as ComparableRun["windows"] };
}
