/** Length of one steady-state window in seconds. */
export const WINDOW_SECONDS = 10;

/**
 * First second to keep after discarding the warm-up share of a run
 * (e.g. 300 s with 10% warm-up → keep from second 30).
 */
export function trimWarmup(durationS: number, warmupShare = 0.1): number {
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
