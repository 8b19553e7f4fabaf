import { trimWarmup, WINDOW_SECONDS } from "./windows";
import type { RunWindow, RunWindows } from "./run-window";
import { regressionVerdict } from "./verdict";
import { median } from "./bootstrap";
import type { ErrorSample, LatencyMetric, MetricSample, VerdictOptions, VerdictResult } from "./types";

/** What a comparison needs from a run: its length, its window length and its per-endpoint windows. */
export interface ComparableRun {
  durationS: number;
  /** Seconds per window; runs stored before windows adapted to the run length used 10. */
  windowS?: number;
  windows: RunWindows;
}

const windowSecondsOf = (run: ComparableRun) => run.windowS ?? WINDOW_SECONDS;

/** The latency metrics compared per endpoint (p99 of a 10-second window is mostly its maximum). */
export const COMPARED_METRICS: LatencyMetric[] = ["p50", "p95"];

/** Complete windows after the warm-up (first 10%): the steady state. */
export function steadyWindows(run: ComparableRun, endpoint: string): RunWindow[] {
  const from = trimWarmup(run.durationS);
  const w = windowSecondsOf(run);
  return (run.windows[endpoint] ?? []).filter((x) => x.startS >= from && x.startS + w <= run.durationS && x.requests > 0);
}

/** Per-endpoint window samples and error counts of two runs, for the endpoints both measured. */
export function comparisonSamples(baseline: ComparableRun, candidate: ComparableRun): { metrics: MetricSample[]; errors: ErrorSample[] } {
  const endpoints = Object.keys(candidate.windows).filter((e) => e in baseline.windows).sort();
  const metrics: MetricSample[] = [];
  const errors: ErrorSample[] = [];
  for (const endpoint of endpoints) {
    const b = steadyWindows(baseline, endpoint);
    const c = steadyWindows(candidate, endpoint);
    for (const metric of COMPARED_METRICS) metrics.push({ endpoint, metric, baseline: b.map((w) => w[metric]), candidate: c.map((w) => w[metric]) });
    const sum = (ws: RunWindow[], k: "requests" | "errors") => ws.reduce((s, w) => s + w[k], 0);
    errors.push({ endpoint, baselineErrors: sum(b, "errors"), baselineTotal: sum(b, "requests"), candidateErrors: sum(c, "errors"), candidateTotal: sum(c, "requests") });
  }
  return { metrics, errors };
}

/**
 * The verdict of a run against its baseline. Windows of different lengths hold different
 * numbers of requests, so their percentiles are not comparable: such runs (of different
 * lengths) get an inconclusive verdict that says so rather than a biased one.
 */
export function compareRuns(baseline: ComparableRun, candidate: ComparableRun, opts: VerdictOptions = {}): VerdictResult {
  const bw = windowSecondsOf(baseline);
  const cw = windowSecondsOf(candidate);
  if (bw !== cw) {
    return {
      verdict: "inconclusive", windowS: cw, enoughData: false, comparisons: [], errors: [],
      explanation: [`Inconclusive: the baseline was measured in ${bw}-second windows and this run in ${cw}-second windows (the window length follows the run's length), so their window percentiles cannot be compared. Run for the baseline's length (${Math.round(baseline.durationS)} s), or promote a run of this length as the baseline.`],
    };
  }
  const { metrics, errors } = comparisonSamples(baseline, candidate);
  return regressionVerdict(metrics, errors, { windowSeconds: bw, ...opts });
}

/**
 * Run-to-run noise between two runs of the same build: the median, across endpoints, of the
 * relative difference of their median steady-state p95 (the median, so one sparse endpoint
 * cannot make every later comparison blind). Promoting a baseline measures it against the run before.
 */
export function measuredNoise(a: ComparableRun, b: ComparableRun): number | null {
  const { metrics } = comparisonSamples(a, b);
  const diffs = metrics
    .filter((m) => m.metric === "p95" && m.baseline.length && m.candidate.length)
    .map((m) => Math.abs(median(m.candidate) / median(m.baseline) - 1));
  return diffs.length ? median(diffs) : null;
}
