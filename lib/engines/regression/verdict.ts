import { compareErrors, compareMetrics, type ResolvedOptions } from "./compare";
import { explainComparison, explainErrors, windowWord } from "./explain";
import type { ErrorSample, MetricSample, Verdict, VerdictOptions, VerdictResult } from "./types";

function resolve(opts: VerdictOptions): ResolvedOptions {
  return {
    alpha: opts.alpha ?? 0.01,
    minWindows: opts.minWindows ?? 6,
    noise: opts.noise ?? 0.02,
    absoluteFloorMs: opts.absoluteFloorMs ?? 50,
    relativeFloor: opts.relativeFloor ?? 0.05,
    seed: opts.seed ?? 1,
    bootstrapIterations: opts.bootstrapIterations ?? 2000,
    windowSeconds: opts.windowSeconds ?? 10,
  };
}

function range(values: number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
}

/**
 * Three-way verdict for a candidate build against a baseline run. A latency metric regresses
 * only if it is significantly slower after Holm correction (Mann–Whitney, α), the 95% bootstrap
 * interval of the median ratio lies above 1 + max(relativeFloor, 3 × noise), and the median grew
 * by more than absoluteFloorMs; improvements mirror this. Error rates regress on a significant
 * one-sided Fisher test (Holm across endpoints) with a rise of at least 0.1 percentage points.
 */
export function regressionVerdict(
  metrics: MetricSample[],
  errorSamples: ErrorSample[] = [],
  options: VerdictOptions = {},
): VerdictResult {
  const o = resolve(options);
  const comparisons = compareMetrics(metrics, o);
  const errors = compareErrors(errorSamples, o);
  const outcomes = [...comparisons, ...errors].map((c) => c.outcome);
  const enoughData = outcomes.length > 0 && !outcomes.includes("insufficient-data");
  const verdict: Verdict = outcomes.includes("regression")
    ? "regression"
    : outcomes.includes("improvement")
      ? "improvement"
      : "inconclusive";

  const word = windowWord(o.windowSeconds);
  const details = [
    ...comparisons.map((c) => explainComparison(c, o.windowSeconds, o.minWindows)),
    ...errors.map((e, i) => explainErrors(e, errorSamples[i]!)),
  ].filter((s): s is string => s !== null);
  const tested = comparisons.filter((c) => c.outcome !== "insufficient-data");
  const counts = tested.flatMap((c) => [c.nBaseline, c.nCandidate]);
  const needed = Math.max(0, ...comparisons.map((c) => c.windowsNeeded ?? 0));
  const regressed = outcomes.filter((x) => x === "regression").length;
  const improved = outcomes.filter((x) => x === "improvement").length;

  let headline: string;
  if (outcomes.length === 0) headline = "Inconclusive: no measurements were supplied.";
  else if (verdict === "regression") headline = `Regression: the new build is worse on ${regressed} of ${outcomes.length} checks.`;
  else if (verdict === "improvement") headline = `Improvement: the new build is better on ${improved} of ${outcomes.length} checks and worse on none.`;
  else if (enoughData) {
    headline = `No significant change detected (${counts.length ? range(counts) : 0} ${word} windows each).`;
  } else {
    headline = needed > 0
      ? `Inconclusive — not enough data: need ${needed} more ${word} windows per run before we can judge.`
      : "Inconclusive — not enough data to compare every check.";
    if (tested.length > 0) headline += ` Where there was enough data, no significant change was detected (${range(counts)} windows each).`;
  }
  return { verdict, enoughData, comparisons, errors, explanation: [headline, ...details] };
}
