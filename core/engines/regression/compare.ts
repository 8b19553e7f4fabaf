import { bootstrapRatioCI, median } from "./bootstrap";
import { fisherGreater } from "./fisher";
import { holmAdjusted } from "./holm";
import { mannWhitneyGreater, mannWhitneyLess } from "./mann-whitney";
import type { Comparison, ErrorComparison, ErrorSample, MetricSample } from "./types";

export interface ResolvedOptions {
  alpha: number;
  minWindows: number;
  noise: number;
  /** Explicit absolute floor in ms; null: relative to each endpoint's baseline (absoluteFloorFor). */
  absoluteFloorMs: number | null;
  relativeFloor: number;
  seed: number;
  bootstrapIterations: number;
  windowSeconds: number;
}

/** Smallest error-rate increase (as a fraction) that counts as a regression: 0.1 percentage points. */
export const ERROR_RATE_FLOOR = 0.001;

/** Default absolute floor: this share of the endpoint's baseline p95 (5%: a 20 → 30 ms shift counts). */
export const ABSOLUTE_FLOOR_SHARE = 0.05;
/** The default floor is never below this: a change under 1 ms is below what a loopback run can claim. */
export const MIN_ABSOLUTE_FLOOR_MS = 1;

/** The absolute floor of a comparison whose endpoint's baseline p95 (median across windows) is `baselineP95Ms`. */
export function absoluteFloorFor(baselineP95Ms: number, explicitMs: number | null = null): number {
  if (explicitMs !== null) return explicitMs;
  const floor = Number.isFinite(baselineP95Ms) ? ABSOLUTE_FLOOR_SHARE * baselineP95Ms : 0;
  return Math.max(MIN_ABSOLUTE_FLOOR_MS, floor);
}

/**
 * Compares every endpoint×metric sample: Mann–Whitney both ways (Holm across all tested
 * comparisons, per direction), bootstrap CI of the ratio of medians, and the absolute floor.
 */
export function compareMetrics(samples: MetricSample[], o: ResolvedOptions): Comparison[] {
  const requiredRatio = 1 + Math.max(o.relativeFloor, 3 * o.noise);
  // Each endpoint's baseline p95 sets the default floor of all its metrics (its own value without one).
  const p95Of = new Map(samples.filter((s) => s.metric === "p95").map((s) => [s.endpoint, median(s.baseline)]));
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
      requiredRatio, floorMs: absoluteFloorFor(p95Of.get(s.endpoint) ?? baselineValue, o.absoluteFloorMs), p: greater, pHolm: 1, pImprovement: less, pImprovementHolm: 1,
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
    if (r.significant && r.lower > requiredRatio && r.absoluteDeltaMs > r.floorMs) {
      r.outcome = "regression";
    } else if (r.significantImprovement && r.upper < 1 / requiredRatio && -r.absoluteDeltaMs > r.floorMs) {
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
