import "server-only";
import type { ComparableRun } from "../../engines/regression/run-comparison";

/** A stored run as the regression detector reads it, or null when it has no windows. */
export function comparableRun(run: { summary: unknown; windows: unknown }): ComparableRun | null {
  const durationS = (run.summary as { durationS?: number } | null)?.durationS;
  if (!durationS || !run.windows || typeof run.windows !== "object") return null;
  return { durationS, windows: run.windows as ComparableRun["windows"] };
}
