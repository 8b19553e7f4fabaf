import type { Exec } from "./open-model";
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
  signal?: AbortSignal;
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
 * runs from the actual send (the model itself waits for the server, by definition).
 */
export async function runClosedModel(opts: ClosedModelOptions, exec: Exec, rec: RunRecorder, t0: number): Promise<void> {
  const totalMs = opts.stages.reduce((s, x) => s + x.durationS, 0) * 1000;
  const random = opts.random ?? Math.random;
  let wanted = opts.startVUs;
  const running = new Map<number, Promise<void>>();
  const alive = () => !opts.signal?.aborted && performance.now() - t0 < totalMs;
  const vu = async (index: number) => {
    while (alive() && index < wanted) {
      const start = performance.now();
      const { endpoint, status, error } = await exec();
      const end = performance.now();
      rec.record(endpoint, end - start, end, status, error);
      if (opts.thinkTimeMs) {
        const [lo, hi] = opts.thinkTimeMs;
        await new Promise((r) => setTimeout(r, lo + random() * (hi - lo)));
      }
    }
  };
  while (alive()) {
    wanted = vusAt(opts.startVUs, opts.stages, (performance.now() - t0) / 1000);
    // Users at index >= wanted finish their iteration and leave; free slots below it start again.
    for (let i = 0; i < wanted; i++) {
      if (!running.has(i)) running.set(i, vu(i).finally(() => running.delete(i)));
    }
    await new Promise((r) => setTimeout(r, CONTROL_INTERVAL_MS));
  }
  await Promise.all(running.values());
}
