import { setMaxListeners } from "node:events";
import type { Iteration } from "./iteration";
import type { RunRecorder } from "./recorder";

export interface VuStage {
  durationS: number;
  target: number;
}

export interface ClosedModelOptions {
  startVUs: number;
  stages: VuStage[];
  /** Pause between a virtual user's iterations, drawn uniformly from [min, max] ms. */
  thinkTimeMs?: [number, number];
  /**
   * Iterations per virtual user, an explicit cap beside the duration: a user stops after this
   * many, and the run ends early once every user has. Absent (every built-in scenario): users
   * repeat their journeys until the duration is over, so a run lasts what was asked.
   */
  iterationsPerVU?: number;
  random?: () => number;
}

const CONTROL_INTERVAL_MS = 100;

/** Virtual users at `t` seconds into the profile (linear ramps between stage targets). */
export function vusAt(startVUs: number, stages: VuStage[], tS: number): number {
  let from = startVUs;
  let elapsed = 0;
  for (const s of stages) {
    if (tS < elapsed + s.durationS) return Math.round(from + ((s.target - from) * (tS - elapsed)) / s.durationS);
    elapsed += s.durationS;
    from = s.target;
  }
  return 0;
}

/**
 * Closed model: each virtual user sends a request, waits for the answer, thinks, repeats. Latency
 * runs from the actual send (the model itself waits for the server, by definition). At the
 * planned end, think times in progress are cut short and no further step starts: the run ends
 * with its requests in flight, not a journey later.
 */
export async function runClosedModel(opts: ClosedModelOptions, iterate: Iteration, rec: RunRecorder, t0: number, outer: AbortSignal): Promise<void> {
  const totalMs = opts.stages.reduce((s, x) => s + x.durationS, 0) * 1000;
  const ending = new AbortController();
  setMaxListeners(0, ending.signal);
  const stop = () => ending.abort(outer.reason);
  outer.addEventListener("abort", stop, { once: true });
  const deadline = setTimeout(() => ending.abort(), Math.max(0, t0 + totalMs - performance.now()));
  const signal = ending.signal;
  const random = opts.random ?? Math.random;
  let wanted = opts.startVUs;
  const running = new Map<number, Promise<void>>();
  const alive = () => !signal.aborted && performance.now() - t0 < totalMs;
  const record = rec.stepRecorder();
  const done = new Map<number, number>();
  const limit = opts.iterationsPerVU ?? Infinity;
  const ctx = { scheduledAt: null, record, signal };
  const vu = async (index: number) => {
    // Counted locally and stored once: a Map write per request costs throughput at 50k req/s.
    let count = done.get(index) ?? 0;
    const direct = iterate.direct;
    if (direct && !opts.thinkTimeMs) {
      return new Promise<void>((resolve) => {
        const next = () => {
          if (count < limit && index < wanted && alive()) {
            count++;
            direct(ctx, next);
          } else {
            done.set(index, count);
            resolve();
          }
        };
        next();
      });
    }
    try {
      while (count < limit && index < wanted && alive()) {
        await iterate(ctx);
        count++;
        if (opts.thinkTimeMs) {
          const [lo, hi] = opts.thinkTimeMs;
          await new Promise((r) => setTimeout(r, lo + random() * (hi - lo)));
        }
      }
    } finally {
      done.set(index, count);
    }
  };

  const finished = () => opts.iterationsPerVU !== undefined && running.size === 0 && done.size >= wanted && [...done.values()].every((n) => n >= opts.iterationsPerVU!);
  while (alive() && !finished()) {
    wanted = vusAt(opts.startVUs, opts.stages, (performance.now() - t0) / 1000);
    // Users at index >= wanted finish their iteration and leave; free slots below it start again.
    for (let i = 0; i < wanted; i++) {
      if (!running.has(i) && (done.get(i) ?? 0) < (opts.iterationsPerVU ?? Infinity)) running.set(i, vu(i).finally(() => running.delete(i)));
    }
    await new Promise((r) => setTimeout(r, CONTROL_INTERVAL_MS));
  }
  await Promise.all(running.values());
  clearTimeout(deadline);
  outer.removeEventListener("abort", stop);
}
