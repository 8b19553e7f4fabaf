import { mulberry32 } from "../random";

/**
 * Percentile with linear interpolation between order statistics (Hyndman–Fan type 7, the
 * default of R, NumPy and Excel's PERCENTILE.INC). `p` is a fraction in [0, 1]; empty → NaN.
 */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = Float64Array.from(xs).sort();
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Median (50th percentile, averaging the two middle values for even lengths). */
export function median(xs: number[]): number {
  return percentile(xs, 0.5);
}

export interface BootstrapOptions {
  /** Resamples to draw (default 2000). */
  iterations?: number;
  /** Two-sided confidence level (default 0.95). */
  confidence?: number;
  /** Seed for mulberry32 so results are reproducible (default 1). */
  seed?: number;
}

export interface RatioInterval {
  ratio: number;
  lower: number;
  upper: number;
}

function resample(xs: number[], rand: () => number, out: number[]): number[] {
  for (let i = 0; i < xs.length; i++) out[i] = xs[Math.floor(rand() * xs.length)]!;
  return out;
}

/**
 * Percentile bootstrap confidence interval for stat(candidate) / stat(baseline). Each sample
 * is resampled independently with replacement; seeded, so the same input gives the same CI.
 */
export function bootstrapRatioCI(
  baseline: number[],
  candidate: number[],
  stat: (xs: number[]) => number,
  opts: BootstrapOptions = {},
): RatioInterval {
  const iterations = opts.iterations ?? 2000;
  const confidence = opts.confidence ?? 0.95;
  const ratio = stat(candidate) / stat(baseline);
  if (baseline.length === 0 || candidate.length === 0) return { ratio, lower: NaN, upper: NaN };
  const rand = mulberry32(opts.seed ?? 1);
  const b = new Array<number>(baseline.length);
  const c = new Array<number>(candidate.length);
  const ratios = new Array<number>(iterations);
  for (let i = 0; i < iterations; i++) {
    ratios[i] = stat(resample(candidate, rand, c)) / stat(resample(baseline, rand, b));
  }
  const tail = (1 - confidence) / 2;
  return { ratio, lower: percentile(ratios, tail), upper: percentile(ratios, 1 - tail) };
}
