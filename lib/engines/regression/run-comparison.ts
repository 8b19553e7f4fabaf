import { trimWarmup, WINDOW_SECONDS } from "./windows";
import { regressionVerdict } from "./verdict";
import { median } from "./bootstrap";
import type { ErrorSample, LatencyMetric, MetricSample, VerdictOptions, VerdictResult } from "./types";

/** One endpoint's 10-second window as a load-test run records it. */
export interface RunWindow {
  startS: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

/** What a comparison needs from a run: its length and its per-endpoint windows. */
export interface ComparableRun {
  durationS: number;
  windows: Record<string, RunWindow[]>;
}

/** The latency metrics compared per endpoint (p99 of a 10-second window is mostly its maximum). */
export const COMPARED_METRICS: LatencyMetric[] = ["p50", "p95"];

/** Complete windows after the warm-up (first 10%): the steady state. */
export function steadyWindows(run: ComparableRun, endpoint: string): RunWindow[] {
  const from = trimWarmup(run.durationS);
  return (run.windows[endpoint] ?? []).filter((w) => w.startS >= from && w.startS + WINDOW_SECONDS <= run.durationS && w.requests > 0);
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

/** The three-way verdict of a run against its baseline. */
export function compareRuns(baseline: ComparableRun, candidate: ComparableRun, opts: VerdictOptions = {}): VerdictResult {
  const { metrics, errors } = comparisonSamples(baseline, candidate);
  return regressionVerdict(metrics, errors, opts);
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
