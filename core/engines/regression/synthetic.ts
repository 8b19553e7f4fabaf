import { mulberry32 } from "../random";
import { gaussian } from "./normal";
import { trimWarmup, windowCount } from "./windows";

export interface SyntheticRunOptions {
  /** Run length in seconds (default 300 = 5 minutes). */
  durationS?: number;
  windowS?: number;
  warmupShare?: number;
  /** Requests per window (default 500). */
  requestsPerWindow?: number;
  /** Median per-request latency in ms (default 100). */
  medianMs?: number;
  /** Log-space sigma of the lognormal latency (default 0.5). */
  sigma?: number;
  /** SD of the per-run machine-speed factor drawn from N(1, sd) (default 0.02). */
  machineNoiseSd?: number;
  /** Multiplier applied to every latency of the run (default 1 = no change). */
  shift?: number;
  /** Quantile reported per window (default 0.95). */
  quantile?: number;
}

/**
 * Simulates one load-test run and returns the per-window latency quantile (p95 by default) of
 * the steady-state windows, after trimming the warm-up share. Each window holds
 * `requestsPerWindow` lognormal latencies scaled by one per-run machine factor and `shift`.
 * Seeded: the same seed always yields the same windows.
 */
export function simulateRunWindows(seed: number, opts: SyntheticRunOptions = {}): number[] {
  const rand = mulberry32(seed);
  const durationS = opts.durationS ?? 300;
  const windowS = opts.windowS ?? 10;
  const requests = opts.requestsPerWindow ?? 500;
  const logMedian = Math.log(opts.medianMs ?? 100);
  const sigma = opts.sigma ?? 0.5;
  const q = opts.quantile ?? 0.95;
  const machine = 1 + (opts.machineNoiseSd ?? 0.02) * gaussian(rand);
  const factor = machine * (opts.shift ?? 1);
  const windows = windowCount(durationS, trimWarmup(durationS, opts.warmupShare ?? 0.1), windowS);
  const latencies = new Float64Array(requests);
  const out: number[] = [];
  for (let w = 0; w < windows; w++) {
    for (let i = 0; i < requests; i++) latencies[i] = Math.exp(logMedian + sigma * gaussian(rand));
    latencies.sort();
    const h = (requests - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, requests - 1);
    out.push(factor * (latencies[lo]! + (h - lo) * (latencies[hi]! - latencies[lo]!)));
  }
  return out;
}
