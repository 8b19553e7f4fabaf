/**
 * Samples 1..n with P(k) ∝ 1/k^s (s = 0 is uniform): a few hot patients get most requests, as
 * on a real ward. The CDF is built once; each draw is a binary search.
 */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  if (s === 0) return () => 1 + Math.floor(random() * n);
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 1; k <= n; k++) cdf[k - 1] = sum += 1 / k ** s;
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
