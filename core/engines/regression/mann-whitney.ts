import { normalUpperTail } from "./normal";

export interface MannWhitneyResult {
  /** U statistic of the sample tested for being larger (count of pairs it wins, ties count ½). */
  u: number;
  /** Normal-approximation z score (tie- and continuity-corrected). */
  z: number;
  /** One-sided p-value. */
  p: number;
  /** True when p came from the exact distribution of U. */
  exact: boolean;
}

const EXACT_MAX_N = 20;

/** Mid-ranks (1-based) of the pooled values plus the tie-correction term Σ(t³ − t). */
function midRanks(pooled: number[]): { ranks: number[]; tieTerm: number } {
  const order = pooled.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(pooled.length).fill(0);
  let tieTerm = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = rank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  return { ranks, tieTerm };
}

/**
 * Exact upper tail P(U ≥ u) for sample sizes m, n without ties, by dynamic programming over
 * the number of arrangements: f(m, n, u) = f(m − 1, n, u − n) + f(m, n − 1, u).
 */
export function exactUpperTail(m: number, n: number, u: number): number {
  const maxU = m * n;
  // table[i][j] = distribution (counts by U) for sizes (i, j); built row by row.
  let prev: Float64Array[] = []; // sizes (i − 1, ·)
  for (let i = 0; i <= m; i++) {
    const row: Float64Array[] = [];
    for (let j = 0; j <= n; j++) {
      const dist = new Float64Array(i * j + 1);
      if (i === 0 || j === 0) dist[0] = 1;
      else {
        const a = prev[j]!; // (i − 1, j): the largest value belongs to sample 1 → +j
        const b = row[j - 1]!; // (i, j − 1): the largest value belongs to sample 2 → +0
        for (let k = 0; k < a.length; k++) dist[k + j]! += a[k]!;
        for (let k = 0; k < b.length; k++) dist[k]! += b[k]!;
      }
      row.push(dist);
    }
    prev = row;
  }
  const dist = prev[n]!;
  let total = 0;
  let tail = 0;
  for (let k = 0; k <= maxU; k++) {
    total += dist[k]!;
    if (k >= u - 1e-9) tail += dist[k]!;
  }
  return tail / total;
}

/**
 * One-sided Mann–Whitney U test that `candidate` values are stochastically GREATER than
 * `baseline`. Exact distribution when both samples have ≤ 20 values and no ties; otherwise the
 * normal approximation with tie and continuity correction. Empty input gives p = 1.
 */
export function mannWhitneyGreater(baseline: number[], candidate: number[]): MannWhitneyResult {
  const n1 = baseline.length;
  const n2 = candidate.length;
  if (n1 === 0 || n2 === 0) return { u: 0, z: 0, p: 1, exact: false };
  const { ranks, tieTerm } = midRanks([...baseline, ...candidate]);
  let rankSum = 0;
  for (let i = n1; i < n1 + n2; i++) rankSum += ranks[i]!;
  const u = rankSum - (n2 * (n2 + 1)) / 2;
  const total = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (total + 1 - tieTerm / (total * (total - 1)));
  const z = variance > 0 ? (u - mean - 0.5) / Math.sqrt(variance) : 0;
  if (tieTerm === 0 && n1 <= EXACT_MAX_N && n2 <= EXACT_MAX_N) {
    return { u, z, p: exactUpperTail(n2, n1, u), exact: true };
  }
  const p = variance > 0 ? Math.min(1, normalUpperTail(z)) : 1;
  return { u, z, p, exact: false };
}

/**
 * One-sided Mann–Whitney U test that `candidate` values are stochastically LESS than
 * `baseline` (an improvement for latencies). `u` is the count of pairs the baseline wins.
 */
export function mannWhitneyLess(baseline: number[], candidate: number[]): MannWhitneyResult {
  return mannWhitneyGreater(candidate, baseline);
}
