/**
 * Holm-adjusted p-values (step-down, monotone, capped at 1), in the same order as the input.
 * Hypothesis i is rejected at level α exactly when adjusted[i] ≤ α.
 */
export function holmAdjusted(pValues: number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const adjusted = new Array<number>(m).fill(1);
  let running = 0;
  order.forEach(([p, index], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}

/**
 * Holm–Bonferroni step-down procedure: sort p ascending, reject while p(k) ≤ α / (m − k)
 * (k from 0), stop at the first failure. Returns which hypotheses are rejected, input order.
 */
export function holm(pValues: number[], alpha: number): boolean[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const rejected = new Array<boolean>(m).fill(false);
  for (let rank = 0; rank < m; rank++) {
    const [p, index] = order[rank]!;
    if (!(p <= alpha / (m - rank))) break;
    rejected[index] = true;
  }
  return rejected;
}
