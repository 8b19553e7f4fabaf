const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(x) for x > 0: Stirling series for x ≥ 10, shifted up by the recurrence below that.
 * Absolute error ≈ 1e-15 relative to the magnitude, so differences of large values stay exact
 * enough for tail sums with millions of requests.
 */
export function logGamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - (inv2 * 691) / 360360)))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
}

/** ln C(n, k) via log-gamma. */
export function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * One-sided Fisher exact test p-value that B's error proportion is GREATER than A's:
 * P(X ≥ errB) where X ~ Hypergeometric(total = totalA + totalB, errors = errA + errB,
 * draws = totalB). Terms are summed in log space, so totals in the millions never overflow.
 */
export function fisherGreater(errA: number, totalA: number, errB: number, totalB: number): number {
  const n = totalA + totalB;
  const k = errA + errB;
  if (totalA <= 0 || totalB <= 0 || k === 0 || k === n) return 1;
  const hi = Math.min(k, totalB);
  const denom = logChoose(n, totalB);
  let logTerm = logChoose(k, errB) + logChoose(n - k, totalB - errB) - denom;
  let maxLog = logTerm;
  let sum = 1; // Σ exp(logTerm − maxLog), rescaled whenever maxLog grows
  for (let x = errB; x < hi; x++) {
    // pmf(x + 1) / pmf(x) for the hypergeometric distribution.
    logTerm += Math.log(((k - x) * (totalB - x)) / ((x + 1) * (n - k - totalB + x + 1)));
    if (logTerm > maxLog) {
      sum = sum * Math.exp(maxLog - logTerm) + 1;
      maxLog = logTerm;
    } else {
      sum += Math.exp(logTerm - maxLog);
      if (logTerm < maxLog - 60) break; // past the mode and negligible (< 1e-26 relative)
    }
  }
  return Math.min(1, Math.exp(maxLog + Math.log(sum)));
}
