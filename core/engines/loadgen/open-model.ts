import type { Iteration } from "./iteration";
import type { RunRecorder } from "./recorder";
import { arrivalOffsets, plannedArrivals, type RateStage } from "./schedule";

/** A start dispatched more than this after its scheduled time counts as late. */
export const LATE_START_MS = 5;

export interface OpenModelOptions {
  startRate: number;
  stages: RateStage[];
  /** Concurrent requests allowed (k6's maxVUs): a start finding all of them busy is dropped. */
  maxInFlight: number;
}

/**
 * Open model: starts follow the schedule whatever the server does. Each latency runs from the
 * scheduled start, so a stalled server shows in the percentiles instead of slowing the load.
 */
export async function runOpenModel(opts: OpenModelOptions, iterate: Iteration, rec: RunRecorder, t0: number, signal: AbortSignal): Promise<void> {
  rec.planned += plannedArrivals(opts.startRate, opts.stages);
  const offsets = arrivalOffsets(opts.startRate, opts.stages);
  let inFlight = 0;
  let drained: () => void = () => {};
  const finished = () => {
    if (--inFlight === 0) drained();
  };
  let next = offsets.next();
  const record = rec.stepRecorder();
  const direct = iterate.direct;
  while (!next.done && !signal.aborted) {
    while (!next.done && t0 + next.value <= performance.now()) {
      const due = t0 + next.value;
      // Lateness is read at the moment of dispatch, not at the start of the batch.
      if (performance.now() - due > LATE_START_MS) rec.late++;
      if (inFlight >= opts.maxInFlight) rec.dropped++;
      else {
        inFlight++;
        if (direct) direct({ scheduledAt: due, record, signal }, finished);
        else iterate({ scheduledAt: due, record, signal }).then(finished, finished);
      }
      next = offsets.next();
    }
    if (next.done) break;
    await sleepUntil(t0 + next.value);
  }
  if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
}

/**
 * Sleeps on timers only (about 1 ms resolution, far inside the 5 ms lateness bound): spinning on
 * setImmediate for sub-millisecond precision burned a core the server under test needed.
 */
function sleepUntil(at: number): Promise<void> {
  const wait = at - performance.now();
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, wait - 1)));
}
