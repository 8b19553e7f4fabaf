import { bootstrapRatioCI, median } from "./bootstrap";
import { fisherGreater } from "./fisher";
import { holmAdjusted } from "./holm";
import { mannWhitneyGreater, mannWhitneyLess } from "./mann-whitney";
import type { Comparison, ErrorComparison, ErrorSample, MetricSample } from "./types";

export interface ResolvedOptions {
  alpha: number;
  minWindows: number;
  noise: number;
  absoluteFloorMs: number;
  relativeFloor: number;
  seed: number;
  bootstrapIterations: number;
  windowSeconds: number;
}

/** Smallest error-rate increase (as a fraction) that counts as a regression: 0.1 percentage points. */
export const ERROR_RATE_FLOOR = 0.001;

/**
 * Compares every endpoint×metric sample: Mann–Whitney both ways (Holm across all tested
 * comparisons, per direction), bootstrap CI of the ratio of medians, and the absolute floor.
 */
export function compareMetrics(samples: MetricSample[], o: ResolvedOptions): Comparison[] {
  const requiredRatio = 1 + Math.max(o.relativeFloor, 3 * o.noise);
  const rows: Comparison[] = samples.map((s, i) => {
    const nBaseline = s.baseline.length;
    const nCandidate = s.candidate.length;
    const baselineValue = median(s.baseline);
    const candidateValue = median(s.candidate);
    const enough = Math.min(nBaseline, nCandidate) >= o.minWindows;
    const greater = enough ? mannWhitneyGreater(s.baseline, s.candidate).p : 1;
    const less = enough ? mannWhitneyLess(s.baseline, s.candidate).p : 1;
    const ci = enough
      ? bootstrapRatioCI(s.baseline, s.candidate, median, { iterations: o.bootstrapIterations, seed: o.seed + 7919 * i })
      : { ratio: candidateValue / baselineValue, lower: NaN, upper: NaN };
    return {
      endpoint: s.endpoint, metric: s.metric, nBaseline, nCandidate, baselineValue, candidateValue,
      absoluteDeltaMs: candidateValue - baselineValue, ratio: ci.ratio, lower: ci.lower, upper: ci.upper,
      requiredRatio, p: greater, pHolm: 1, pImprovement: less, pImprovementHolm: 1,
      significant: false, significantImprovement: false,
      outcome: enough ? "no-change" : "insufficient-data",
      ...(enough ? {} : { windowsNeeded: o.minWindows - Math.min(nBaseline, nCandidate) }),
    };
  });
  const tested = rows.filter((r) => r.outcome !== "insufficient-data");
  const up = holmAdjusted(tested.map((r) => r.p));
  const down = holmAdjusted(tested.map((r) => r.pImprovement));
  tested.forEach((r, k) => {
    r.pHolm = up[k]!;
    r.pImprovementHolm = down[k]!;
    r.significant = r.pHolm <= o.alpha;
    r.significantImprovement = r.pImprovementHolm <= o.alpha;
    if (r.significant && r.lower > requiredRatio && r.absoluteDeltaMs > o.absoluteFloorMs) {
      r.outcome = "regression";
    } else if (r.significantImprovement && r.upper < 1 / requiredRatio && -r.absoluteDeltaMs > o.absoluteFloorMs) {
      r.outcome = "improvement";
    }
  });
  return rows;
}

/**
 * Error-rate comparison per endpoint: one-sided Fisher exact test (Holm across endpoints);
 * a regression needs significance AND an increase of at least 0.1 percentage points.
 */
export function compareErrors(samples: ErrorSample[], o: ResolvedOptions): ErrorComparison[] {
  const rows: ErrorComparison[] = samples.map((s) => {
    const enough = s.baselineTotal > 0 && s.candidateTotal > 0;
    const baselineRate = enough ? s.baselineErrors / s.baselineTotal : NaN;
    const candidateRate = enough ? s.candidateErrors / s.candidateTotal : NaN;
    const p = enough ? fisherGreater(s.baselineErrors, s.baselineTotal, s.candidateErrors, s.candidateTotal) : 1;
    return {
      endpoint: s.endpoint, baselineRate, candidateRate,
      deltaPercentagePoints: (candidateRate - baselineRate) * 100,
      p, pHolm: 1, significant: false, outcome: enough ? "no-change" : "insufficient-data",
    };
  });
  const tested = rows.filter((r) => r.outcome !== "insufficient-data");
  const adjusted = holmAdjusted(tested.map((r) => r.p));
  tested.forEach((r, k) => {
    r.pHolm = adjusted[k]!;
    r.significant = r.pHolm <= o.alpha;
    if (r.significant && r.candidateRate - r.baselineRate >= ERROR_RATE_FLOOR - 1e-12) r.outcome = "regression";
  });
  return rows;
}
