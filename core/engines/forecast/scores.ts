/**
 * MASE (Hyndman & Koehler 2006): the forecast's mean absolute error divided by the in-sample mean
 * absolute error of the seasonal naive method with period m on the training data. Below 1 = better
 * than seasonal naive's one-season-ahead error.
 */
export function mase(actual: number[], predicted: number[], training: number[], m: number): number {
  if (actual.length !== predicted.length || actual.length === 0) throw new Error("mase: actual and predicted must be non-empty and equal length");
  if (training.length <= m) throw new Error(`mase: training needs more than ${m} values`);
  const mae = actual.reduce((s, a, i) => s + Math.abs(a - predicted[i]!), 0) / actual.length;
  let scale = 0;
  for (let t = m; t < training.length; t++) scale += Math.abs(training[t]! - training[t - m]!);
  scale /= training.length - m;
  return scale === 0 ? (mae === 0 ? 0 : Infinity) : mae / scale;
}

/** Share of actual values inside [lower, upper] (inclusive). */
export function coverage(actual: number[], lower: number[], upper: number[]): number {
  if (actual.length === 0) throw new Error("coverage of an empty sample");
  return actual.filter((a, i) => a >= lower[i]! && a <= upper[i]!).length / actual.length;
}
