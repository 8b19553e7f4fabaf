/**
 * PromQL builders for SLO error ratios. Used by the rule generator and by the console when it
 * queries a real Prometheus (raw expressions or the recorded series).
 */
import type { Slo } from "./definitions";
import type { SloWindow } from "./burn-rate";

export const CLINICAL_JOB = "clinical";
export const HTTP_DURATION_METRIC = "clinical_http_request_duration_seconds";
/** Statuses counted as failures: server errors plus 429 load shedding. */
export const BAD_STATUS_REGEX = "5..|429";

type SloRef = Pick<Slo, "id" | "priorityClass" | "kind" | "thresholdS">;

/** Whether load-test traffic (`traffic="synthetic"`, see run-marker.ts) counts; SLOs leave it out by default. */
export interface TrafficOptions {
  includeSynthetic?: boolean;
}

/**
 * Leaves load-test traffic out. `!=` rather than `="real"` so series scraped before the label
 * existed (no `traffic` label at all) still count as real.
 */
export const REAL_TRAFFIC_MATCHER = `traffic!="synthetic"`;

/** Escapes a value for a double-quoted PromQL label matcher. */
export function quoteLabel(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** Label matchers selecting an SLO's scope, plus any extra matchers (already rendered). */
function selector(slo: SloRef, extra: string[] = [], opts: TrafficOptions = {}): string {
  const matchers = [`job=${quoteLabel(CLINICAL_JOB)}`];
  if (slo.priorityClass !== "all") matchers.push(`priority_class=${quoteLabel(slo.priorityClass)}`);
  if (!opts.includeSynthetic) matchers.push(REAL_TRAFFIC_MATCHER);
  return `{${[...matchers, ...extra].join(",")}}`;
}

function sumRate(metric: string, sel: string, window: SloWindow): string {
  return `sum(rate(${metric}${sel}[${window}]))`;
}

/** Renders a threshold as prom-client renders the `le` label (e.g. 0.5 → "0.5", 1 → "1"). */
export function leLabel(thresholdS: number): string {
  return String(thresholdS);
}

/**
 * Raw error ratio (bad / total) of an SLO over a window. Availability: 5xx/429 share, with
 * `or vector(0)` so a window with traffic but no errors reads 0 rather than empty. Latency:
 * 1 − share of requests in the `le` bucket of the threshold. No traffic → empty result.
 */
export function errorRatioQuery(slo: SloRef, window: SloWindow, opts: TrafficOptions = {}): string {
  const total = sumRate(`${HTTP_DURATION_METRIC}_count`, selector(slo, [], opts), window);
  if (slo.kind === "availability") {
    const bad = sumRate(`${HTTP_DURATION_METRIC}_count`, selector(slo, [`status_code=~${quoteLabel(BAD_STATUS_REGEX)}`], opts), window);
    return `(${bad} or vector(0)) / ${total}`;
  }
  if (slo.thresholdS === undefined) throw new Error(`latency SLO ${slo.id} has no thresholdS`);
  const good = sumRate(`${HTTP_DURATION_METRIC}_bucket`, selector(slo, [`le=${quoteLabel(leLabel(slo.thresholdS))}`], opts), window);
  return `1 - (${good} / ${total})`;
}

/** Name of the recording rule holding SLO error ratios over a window. */
export function recordingRuleName(window: SloWindow): string {
  return `slo:sli_error:ratio_rate${window}`;
}

/** Selector for one SLO's recorded error ratio, e.g. `slo:sli_error:ratio_rate1h{slo="x"}`. */
export function recordedErrorRatioQuery(slo: Pick<Slo, "id">, window: SloWindow): string {
  return `${recordingRuleName(window)}{slo=${quoteLabel(slo.id)}}`;
}

/** Recorded burn rate of an SLO over a window: error ratio / (1 − objective). */
export function recordedBurnRateQuery(slo: Pick<Slo, "id" | "objective">, window: SloWindow): string {
  return `${recordedErrorRatioQuery(slo, window)} / (1 - ${slo.objective})`;
}
