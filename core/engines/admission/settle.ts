/** How far a settled limit may stray from its final level: ±10 % (issue 15's benchmark). */
export const SETTLE_BAND = 0.1;
/** …or ±1 request where that is wider: the limit is a whole number, and at 9, 10 % is less than one request. */
export const SETTLE_MIN_BAND = 1;

export interface SettleOptions {
  /** Length of the trace's end whose median is the final level, in the samples' time unit. */
  tail: number;
  band?: number;
  minBand?: number;
}

/**
 * How long after `from` a limit took to settle: the time of the first sample from which every
 * later sample stays within ±band (or ±minBand, where wider) of the median over the trace's last
 * `tail`; null if it never does. Times are in the samples' own unit (bench/overload.ts: seconds).
 */
export function settleTime(samples: readonly { t: number; value: number }[], from: number, o: SettleOptions): number | null {
  if (samples.length === 0) return null;
  const end = samples[samples.length - 1]!.t;
  const tail = samples.filter((s) => s.t >= end - o.tail).map((s) => s.value).sort((a, b) => a - b);
  const final = tail[Math.floor(tail.length / 2)]!;
  const allowed = Math.max((o.band ?? SETTLE_BAND) * final, o.minBand ?? SETTLE_MIN_BAND);
  let settledAt: number | null = null;
  for (const s of samples) {
    if (s.t < from) continue;
    if (Math.abs(s.value - final) > allowed) settledAt = null;
    else settledAt ??= s.t;
  }
  return settledAt === null ? null : settledAt - from;
}
