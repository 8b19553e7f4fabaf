import { runClosedModel, type ClosedModelOptions } from "./closed-model";
import { runOpenModel, type Iteration, type OpenModelOptions } from "./open-model";
import { RunRecorder, type EndpointStats, type SeriesPoint } from "./recorder";
import { summarize, type LatencySummary } from "./histogram";
import { evaluateThresholds, type Threshold, type ThresholdVerdict } from "./thresholds";

/** A run that could not start more than this share of its planned starts is invalid. */
export const MAX_DROPPED_SHARE = 0.005;

export type LoadModel = ({ kind: "open" } & OpenModelOptions) | ({ kind: "closed" } & ClosedModelOptions);

export interface RunResult {
  model: LoadModel["kind"];
  startedAt: string;
  durationS: number;
  requests: number;
  errors: number;
  errorRate: number;
  throughput: number;
  planned: number;
  late: number;
  dropped: number;
  invalid: boolean;
  invalidReason?: string;
  cancelled: boolean;
  /** Set when a check found another patient's data: the run stopped at once. */
  safetyFailure: string | null;
  /** Set when an abort-on-fail threshold stopped the run early. */
  thresholdAbort: string | null;
  latencyMs: LatencySummary;
  statusCodes: Record<string, number>;
  errorKinds: Record<string, number>;
  endpoints: Record<string, EndpointStats>;
  series: SeriesPoint[];
  thresholds: ThresholdVerdict[];
  passed: boolean;
  histogram: string;
}

/** Abort-on-fail thresholds are first checked after this much of the run (too few samples before). */
export const ABORT_CHECK_AFTER_S = 5;

function liveMeasures(rec: RunRecorder, elapsedS: number) {
  const { requests, errors } = rec.overall;
  return { latencyMs: summarize(rec.overall.histogram), errorRate: requests ? errors / requests : 0, throughput: requests / elapsedS, durationS: elapsedS, endpoints: rec.endpointStats() };
}

export class SafetyFailure extends Error {
  readonly code = "SAFETY_FAILURE";
}

export interface RunControl {
  /** Cancels the run; what was measured so far is kept. */
  signal?: AbortSignal;
  /** Called about once a second with the live recorder (for progress streaming). */
  onProgress?: (rec: RunRecorder, elapsedS: number) => void;
}

export async function runLoad(model: LoadModel, iterate: Iteration, thresholds: Threshold[], control: RunControl = {}): Promise<RunResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const rec = new RunRecorder(t0);
  const abort = new AbortController();
  control.signal?.addEventListener("abort", () => abort.abort(control.signal!.reason));
  let safety: string | undefined;
  // A wrong-patient answer stops everything at once, whatever the latency.
  const guarded: Iteration = (ctx) => iterate(ctx).catch((err) => {
    if (err instanceof SafetyFailure) {
      safety ??= err.message;
      abort.abort(err);
      return;
    }
    throw err;
  });
  let thresholdAbort: string | undefined;
  const watched = thresholds.filter((t) => t.abortOnFail);
  const ticker = setInterval(() => {
    const elapsedS = (performance.now() - t0) / 1000;
    control.onProgress?.(rec, elapsedS);
    if (watched.length && elapsedS >= ABORT_CHECK_AFTER_S && !thresholdAbort) {
      const failed = evaluateThresholds(watched, liveMeasures(rec, elapsedS)).find((v) => !v.ok);
      if (failed) {
        thresholdAbort = `${failed.scope} ${failed.expression} failed (actual ${failed.actual}) with abort-on-fail`;
        abort.abort(new Error(thresholdAbort));
      }
    }
  }, 1000);
  try {
    if (model.kind === "open") await runOpenModel(model, guarded, rec, t0, abort.signal);
    else await runClosedModel(model, guarded, rec, t0, abort.signal);
  } finally {
    clearInterval(ticker);
  }
  const durationS = (performance.now() - t0) / 1000;
  const { requests, errors } = rec.overall;
  const droppedShare = rec.planned ? rec.dropped / rec.planned : 0;
  const invalid = droppedShare > MAX_DROPPED_SHARE;
  const cancelled = Boolean(control.signal?.aborted) && !safety;
  const base = {
    model: model.kind,
    startedAt: startedAt.toISOString(),
    durationS,
    requests,
    errors,
    errorRate: requests ? errors / requests : 0,
    throughput: requests / durationS,
    planned: rec.planned,
    late: rec.late,
    dropped: rec.dropped,
    invalid,
    cancelled,
    safetyFailure: safety ?? null,
    thresholdAbort: thresholdAbort ?? null,
    ...(invalid ? { invalidReason: `${(droppedShare * 100).toFixed(2)}% of planned starts were dropped (limit ${MAX_DROPPED_SHARE * 100}%)` } : {}),
    latencyMs: summarize(rec.overall.histogram),
    statusCodes: Object.fromEntries([...rec.statuses].map(([k, v]) => [String(k), v])),
    errorKinds: Object.fromEntries(rec.errorKinds),
    endpoints: rec.endpointStats(),
    series: rec.series(),
    histogram: rec.encoded(),
  };
  const verdicts = evaluateThresholds(thresholds, base);
  return { ...base, thresholds: verdicts, passed: !invalid && !safety && !cancelled && !thresholdAbort && verdicts.every((v) => v.ok) };
}
