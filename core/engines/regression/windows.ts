/** The window length runs used before windows adapted to the run length (stored runs without `windowS`). */
export const WINDOW_SECONDS = 10;

/** Share of a run discarded as warm-up before its steady state. */
export const WARMUP_SHARE = 0.1;

/**
 * Window lengths a run may use, longest first. Longer windows hold more requests (steadier
 * percentiles); a short run needs shorter ones to have enough windows to compare at all.
 */
export const WINDOW_LADDER_S = [10, 5, 2] as const;

/**
 * Steady-state windows a run aims for: the longest ladder length giving at least this many is
 * used. Ten keeps the exact Mann-Whitney test able to reach α = 0.01 after Holm across a
 * scenario's dozen or so checks (the smallest one-sided p with 10 + 10 windows is 1/184,756).
 */
export const TARGET_WINDOWS = 10;

/** Windows needed on each side before a comparison is tested (the detector's default). */
export const MIN_WINDOWS = 6;

/**
 * First second to keep after discarding the warm-up share of a run
 * (e.g. 300 s with 10% warm-up → keep from second 30).
 */
export function trimWarmup(durationS: number, warmupShare = WARMUP_SHARE): number {
  return Math.ceil(durationS * warmupShare);
}

/** Index of the window a second belongs to, counting from `startSecond` (negative = warm-up). */
export function windowIndex(second: number, startSecond: number, windowS = WINDOW_SECONDS): number {
  return Math.floor((second - startSecond) / windowS);
}

/** Number of complete windows between `startSecond` and the end of a run. */
export function windowCount(durationS: number, startSecond: number, windowS = WINDOW_SECONDS): number {
  return Math.max(0, Math.floor((durationS - startSecond) / windowS));
}

/**
 * Complete steady-state windows of a run as the recorder lays them out: windows start at
 * multiples of `windowS` from the run's start; those beginning in the warm-up or running past
 * the end are dropped.
 */
export function steadyWindowCount(durationS: number, windowS: number): number {
  return Math.max(0, Math.floor(durationS / windowS) - Math.ceil(trimWarmup(durationS) / windowS));
}

/** The window length for a run of this length: the longest on the ladder giving TARGET_WINDOWS. */
export function windowSecondsFor(durationS: number): number {
  return WINDOW_LADDER_S.find((w) => steadyWindowCount(durationS, w) >= TARGET_WINDOWS) ?? WINDOW_LADDER_S[WINDOW_LADDER_S.length - 1]!;
}

/** Steady-state windows a run of this (planned) length will have. */
export function plannedWindows(durationS: number): { windowS: number; windows: number } {
  const windowS = windowSecondsFor(durationS);
  return { windowS, windows: steadyWindowCount(durationS, windowS) };
}

/** The shortest whole-second run that has `minWindows` steady-state windows. */
export function shortestVerdictDurationS(minWindows = MIN_WINDOWS): number {
  let d = 1;
  while (plannedWindows(d).windows < minWindows) d++;
  return d;
}
