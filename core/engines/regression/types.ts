export type LatencyMetric = "p50" | "p95" | "p99";
export type Outcome = "regression" | "improvement" | "no-change" | "insufficient-data";
/**
 * `no-change`: every check with enough data was tested and none moved beyond the floors;
 * `inconclusive`: nothing could be tested (too few windows, or runs that cannot be compared).
 */
export type Verdict = "regression" | "improvement" | "no-change" | "inconclusive";

/** Per-window latency values (ms) of one endpoint and metric, warm-up already trimmed. */
export interface MetricSample {
  endpoint: string;
  metric: LatencyMetric;
  baseline: number[];
  candidate: number[];
}

export interface ErrorSample {
  endpoint: string;
  baselineErrors: number;
  baselineTotal: number;
  candidateErrors: number;
  candidateTotal: number;
}

export interface VerdictOptions {
  /** Family-wise significance level (default 0.01). */
  alpha?: number;
  /** Windows needed on each side (default MIN_WINDOWS = 6: the fewest whose exact Mann-Whitney p can reach 0.01 at all). */
  minWindows?: number;
  /** Relative noise between two runs of the same build (default 0.02). */
  noise?: number;
  /**
   * Smallest median change in ms that counts. Default: relative to the baseline, 5% of the
   * endpoint's baseline p95 and at least 1 ms (see absoluteFloorFor).
   */
  absoluteFloorMs?: number;
  /** Smallest relative change that counts (default 0.05). */
  relativeFloor?: number;
  seed?: number;
  /** Bootstrap resamples per comparison (default 2000). */
  bootstrapIterations?: number;
  /** Seconds per window, used only in explanations (default 10). */
  windowSeconds?: number;
}

export interface Comparison {
  endpoint: string;
  metric: LatencyMetric;
  nBaseline: number;
  nCandidate: number;
  /** Median of the baseline / candidate windows (ms). */
  baselineValue: number;
  candidateValue: number;
  absoluteDeltaMs: number;
  /** candidateValue / baselineValue with its bootstrap 95% interval. */
  ratio: number;
  lower: number;
  upper: number;
  requiredRatio: number;
  /** The smallest change in ms this comparison counts (the absolute floor it was held to). */
  floorMs: number;
  /** Raw one-sided Mann–Whitney p that the candidate is slower, and its Holm adjustment. */
  p: number;
  pHolm: number;
  /** Raw one-sided p that the candidate is faster, and its Holm adjustment. */
  pImprovement: number;
  pImprovementHolm: number;
  /** Slower (resp. faster) significantly after Holm correction. */
  significant: boolean;
  significantImprovement: boolean;
  outcome: Outcome;
  windowsNeeded?: number;
}

export interface ErrorComparison {
  endpoint: string;
  baselineRate: number;
  candidateRate: number;
  /** Candidate minus baseline error rate in percentage points. */
  deltaPercentagePoints: number;
  /** One-sided Fisher p that the candidate's error rate is higher, raw and Holm-adjusted. */
  p: number;
  pHolm: number;
  significant: boolean;
  outcome: "regression" | "no-change" | "insufficient-data";
}

export interface VerdictResult {
  verdict: Verdict;
  /** Seconds per window the figures were computed over. */
  windowS: number;
  enoughData: boolean;
  comparisons: Comparison[];
  errors: ErrorComparison[];
  explanation: string[];
}
