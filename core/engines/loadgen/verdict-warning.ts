import { MIN_WINDOWS, plannedWindows, shortestVerdictDurationS } from "../regression/windows";

/**
 * Said before a run starts when its length cannot yield a verdict against a baseline (too few
 * steady-state windows after the warm-up); null when it can.
 */
export function verdictWarning(durationS: number): string | null {
  const { windowS, windows } = plannedWindows(durationS);
  if (windows >= MIN_WINDOWS) return null;
  return `a ${Math.round(durationS)} s run has ${windows} steady-state ${windowS}-second windows, and a verdict against a baseline needs ${MIN_WINDOWS}: it will be inconclusive. Ask for at least ${shortestVerdictDurationS()} s.`;
}
