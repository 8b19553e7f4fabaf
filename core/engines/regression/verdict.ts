import { compareErrors, compareMetrics, type ResolvedOptions } from "./compare";
import { explainComparison, explainErrors, windowWord } from "./explain";
import { MIN_WINDOWS } from "./windows";
import type { ErrorSample, MetricSample, Verdict, VerdictOptions, VerdictResult } from "./types";

function resolve(opts: VerdictOptions): ResolvedOptions {
  return {
    alpha: opts.alpha ?? 0.01,
    minWindows: opts.minWindows ?? MIN_WINDOWS,
    noise: opts.noise ?? 0.02,
    absoluteFloorMs: opts.absoluteFloorMs ?? null,
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
 * The verdict for a candidate build against a baseline run. A latency metric regresses only if
 * it is significantly slower after Holm correction (Mann–Whitney, α), the 95% bootstrap
 * interval of the median ratio lies above 1 + max(relativeFloor, 3 × noise), and the median grew
 * by more than the absolute floor (default 5% of the endpoint's baseline p95, at least 1 ms);
 * improvements mirror this. Error rates regress on a significant one-sided Fisher test (Holm
 * across endpoints) with a rise of at least 0.1 percentage points. Checks with too few windows
 * are not tested and are named; the verdict is inconclusive only when nothing could be tested.
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
  const testedCount = outcomes.filter((x) => x !== "insufficient-data").length;
  const enoughData = outcomes.length > 0 && testedCount === outcomes.length;
  const verdict: Verdict = outcomes.includes("regression")
    ? "regression"
    : outcomes.includes("improvement")
      ? "improvement"
      : comparisons.some((c) => c.outcome !== "insufficient-data")
        ? "no-change"
        // Error rates alone (tested whenever both runs sent requests) cannot vouch for latency.
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
  const untested = outcomes.length - testedCount;
  const partly = untested > 0 ? ` ${untested} of ${outcomes.length} checks had too little data to be tested (named below).` : "";

  let headline: string;
  if (outcomes.length === 0) headline = "Inconclusive: no measurements were supplied.";
  else if (verdict === "regression") headline = `Regression: the new build is worse on ${regressed} of ${testedCount} tested checks.${partly}`;
  else if (verdict === "improvement") headline = `Improvement: the new build is better on ${improved} of ${testedCount} tested checks and worse on none.${partly}`;
  else if (verdict === "no-change") {
    headline = `No significant change detected (${counts.length ? range(counts) : "enough"} ${word} windows each).${partly}`;
  } else {
    headline = needed > 0
      ? `Inconclusive — not enough data: need ${needed} more ${word} windows per run before we can judge.`
      : "Inconclusive — not enough data to compare any check.";
  }
  return { verdict, windowS: o.windowSeconds, enoughData, comparisons, errors, explanation: [headline, ...details] };
}
