import { mulberry32 } from "../random";

export interface ChangePointOptions {
  /** Points on each side of a candidate split that are compared (default 50 → up to 25 each). */
  window?: number;
  /** Permutation p-value a split must reach to count as a change point (default 0.001). */
  pValue?: number;
  seed?: number;
  /** Permutations per test (default ⌈2 / pValue⌉ − 1, never fewer than needed to reach pValue). */
  permutations?: number;
}

export interface ChangePoint {
  /** First index of the new segment. */
  index: number;
  /** Permutation p-value of the split when it was found. */
  p: number;
  /** Mean of the segment before / after the change. */
  before: number;
  after: number;
}

const MIN_SIDE = 5;

/**
 * Largest pooled two-sample t statistic over all splits of xs, comparing up to `half` points on
 * each side of the split (O(n) via prefix sums). Returns the statistic and the split index.
 */
function bestSplit(xs: ArrayLike<number>, half: number): { stat: number; index: number } {
  const n = xs.length;
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    s1[i + 1] = s1[i]! + xs[i]!;
    s2[i + 1] = s2[i]! + xs[i]! * xs[i]!;
  }
  let best = { stat: 0, index: -1 };
  for (let t = MIN_SIDE; t <= n - MIN_SIDE; t++) {
    const a = Math.max(0, t - half);
    const b = Math.min(n, t + half);
    const nl = t - a;
    const nr = b - t;
    const sl = s1[t]! - s1[a]!;
    const sr = s1[b]! - s1[t]!;
    const ss = s2[t]! - s2[a]! - (sl * sl) / nl + (s2[b]! - s2[t]! - (sr * sr) / nr);
    const pooled = Math.max(ss, 1e-300) / (nl + nr - 2);
    const stat = Math.abs(sr / nr - sl / nl) / Math.sqrt(pooled * (1 / nl + 1 / nr));
    if (stat > best.stat) best = { stat, index: t };
  }
  return best;
}

/** Permutation p-value of the best split; stops early once it cannot reach `pValue`. */
function permutationP(xs: number[], observed: number, half: number, perms: number, pValue: number, rand: () => number): number {
  const copy = Float64Array.from(xs);
  let atLeast = 0;
  const giveUp = Math.max(1, Math.floor(pValue * (perms + 1) + 1e-9)); // this many → can't reach pValue
  for (let r = 1; r <= perms; r++) {
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const tmp = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = tmp;
    }
    if (bestSplit(copy, half).stat >= observed) atLeast++;
    if (atLeast >= giveUp) return (atLeast + 1) / (r + 1);
  }
  return (atLeast + 1) / (perms + 1);
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Change points in a run history (e.g. each run's p95), Hunter/Otava style: binary segmentation
 * where every split is the best windowed two-sample t statistic, kept only if a seeded
 * permutation test gives p ≤ pValue. Sorted by index.
 */
export function detectChangePoints(series: number[], opts: ChangePointOptions = {}): ChangePoint[] {
  const half = Math.max(MIN_SIDE, Math.floor((opts.window ?? 50) / 2));
  const pValue = opts.pValue ?? 0.001;
  const perms = Math.max(opts.permutations ?? Math.ceil(2 / pValue) - 1, Math.ceil(1 / pValue) - 1);
  const rand = mulberry32(opts.seed ?? 1);
  const found: { index: number; p: number }[] = [];
  const stack: [number, number][] = [[0, series.length]];
  while (stack.length > 0) {
    const [start, end] = stack.pop()!;
    if (end - start < 2 * MIN_SIDE) continue;
    const segment = series.slice(start, end);
    const { stat, index } = bestSplit(segment, half);
    if (index < 0 || !(stat > 0)) continue;
    const p = permutationP(segment, stat, half, perms, pValue, rand);
    if (p > pValue) continue;
    found.push({ index: start + index, p });
    stack.push([start, start + index], [start + index, end]);
  }
  found.sort((a, b) => a.index - b.index);
  return found.map(({ index, p }, i) => ({
    index,
    p,
    before: mean(series.slice(found[i - 1]?.index ?? 0, index)),
    after: mean(series.slice(index, found[i + 1]?.index ?? series.length)),
  }));
}

/** Start index of the current regime: the last change point's index, or 0 when there is none. */
export function effectiveBaselineStart(series: number[], opts: ChangePointOptions = {}): number {
  const points = detectChangePoints(series, opts);
  return points.length > 0 ? points[points.length - 1]!.index : 0;
}
