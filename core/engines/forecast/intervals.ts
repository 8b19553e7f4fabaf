/** Linear-interpolated empirical quantile (type 7, as R's default) of an unsorted sample. */
export function quantile(sample: number[], q: number): number {
  if (sample.length === 0) throw new Error("quantile of an empty sample");
  const s = [...sample].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

/** Symmetric two-sided interval bounds from a residual sample: the (1-level)/2 and (1+level)/2 quantiles. */
export function residualBounds(residuals: number[], level: number): { low: number; high: number } {
  return { low: quantile(residuals, (1 - level) / 2), high: quantile(residuals, (1 + level) / 2) };
}
