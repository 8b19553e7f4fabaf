/** One stage of an arrival-rate profile: the rate moves linearly to `target` over `durationS`. */
export interface RateStage {
  durationS: number;
  target: number;
}

/**
 * Start offsets (ms from the run's start) for an open-model profile. Within a stage the rate
 * ramps linearly from r0 to r1, so the cumulative count is N(t) = r0·t + (r1−r0)·t²/(2T); the
 * k-th start is where N(t) = k. Constant rates are the r0 = r1 case.
 */
export function* arrivalOffsets(startRate: number, stages: RateStage[]): Generator<number> {
  let stageStartS = 0;
  let r0 = startRate;
  let carry = 0; // fractional arrivals owed from the previous stage
  for (const { durationS: T, target: r1 } of stages) {
    const total = r0 * T + ((r1 - r0) * T) / 2;
    for (let k = 1 - carry; k <= total + 1e-9; k++) {
      yield (stageStartS + timeOfArrival(k, r0, r1, T)) * 1000;
    }
    carry = total + carry - Math.floor(total + carry + 1e-9);
    stageStartS += T;
    r0 = r1;
  }
}

/** Solves r0·t + a·t²/2 = k for t in [0, T], with a = (r1 − r0)/T. */
function timeOfArrival(k: number, r0: number, r1: number, T: number): number {
  const a = (r1 - r0) / T;
  if (Math.abs(a) < 1e-12) return k / r0;
  return (-r0 + Math.sqrt(r0 * r0 + 2 * a * k)) / a;
}

export function plannedArrivals(startRate: number, stages: RateStage[]): number {
  let n = 0;
  for (const _ of arrivalOffsets(startRate, stages)) n++;
  return n;
}
