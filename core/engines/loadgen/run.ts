import { runClosedModel, type ClosedModelOptions } from "./closed-model";
import type { Iteration } from "./iteration";
import { runOpenModel, type OpenModelOptions } from "./open-model";
import { setMaxListeners } from "node:events";
import { RunRecorder, type EndpointStats, type SeriesPoint } from "./recorder";
import type { RunWindow } from "../regression/run-window";
import { windowSecondsFor } from "../regression/windows";
import { summarize, type LatencySummary } from "./histogram";
import { formatThresholdActual } from "./format-figures";
import { evaluateThresholds, type ClassStats, type Threshold, type ThresholdVerdict } from "./thresholds";

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
  /** Requests and errors per clinical data class (steps that name one). */
  classes: Record<string, ClassStats>;
  series: SeriesPoint[];
  /** Length of this run's windows in seconds (follows the planned length, see windowSecondsFor). */
  windowS: number;
  /** Per endpoint, `windowS`-second windows (warm-up included; the regression detector trims it). */
  windows: Record<string, RunWindow[]>;
  thresholds: ThresholdVerdict[];
  passed: boolean;
  /** The whole run's latency histogram, HdrHistogram compressed base64 (mergeable). */
  histogram: string;
  endpointHistograms: Record<string, string>;
}

/** Abort-on-fail thresholds are first checked after this much of the run (too few samples before). */
export const ABORT_CHECK_AFTER_S = 5;

function classStats(endpoints: Record<string, EndpointStats>, classOf: Record<string, string> = {}): Record<string, ClassStats> {
  const out: Record<string, ClassStats> = {};
  for (const [name, e] of Object.entries(endpoints)) {
    const c = classOf[name];
    if (!c) continue;
    out[c] ??= { requests: 0, errors: 0 };
    out[c].requests += e.requests;
    out[c].errors += e.errors;
  }
  return out;
}

function liveMeasures(rec: RunRecorder, elapsedS: number, classOf?: Record<string, string>) {
  const { requests, errors } = rec.overall;
  const endpoints = rec.endpointStats();
  return { latencyMs: summarize(rec.overall.histogram), errorRate: requests ? errors / requests : 0, throughput: requests / elapsedS, durationS: elapsedS, endpoints, classes: classStats(endpoints, classOf) };
}

export class SafetyFailure extends Error {
  readonly code = "SAFETY_FAILURE";
}

export interface RunControl {
  /** Cancels the run; what was measured so far is kept. */
  signal?: AbortSignal;
  /** Called about once a second with the live recorder and every threshold's verdict so far (for progress streaming). */
  onProgress?: (rec: RunRecorder, elapsedS: number, thresholds: ThresholdVerdict[]) => void;
  /** Endpoint name → data class, for `class:` thresholds and the per-class table. */
  endpointClasses?: Record<string, string>;
}

/** The length a load profile plans, in seconds. */
export function plannedDurationS(model: LoadModel): number {
  return model.stages.reduce((s, x) => s + x.durationS, 0);
}

export async function runLoad(model: LoadModel, iterate: Iteration, thresholds: Threshold[], control: RunControl = {}): Promise<RunResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const rec = new RunRecorder(t0, windowSecondsFor(plannedDurationS(model)));
  const abort = new AbortController();
  // Every iteration in flight may wait on this signal (think times): hundreds of listeners are expected.
  setMaxListeners(0, abort.signal);
  const cancel = () => abort.abort(control.signal!.reason);
  control.signal?.addEventListener("abort", cancel, { once: true });
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
  // Single requests cannot fail a patient check, so their callback form needs no guard.
  guarded.direct = iterate.direct;
  let thresholdAbort: string | undefined;
  const ticker = setInterval(() => {
    const elapsedS = (performance.now() - t0) / 1000;
    // Every threshold is evaluated live (shown while the run goes); abort-on-fail ones may stop it.
    const live = thresholds.length ? evaluateThresholds(thresholds, liveMeasures(rec, elapsedS, control.endpointClasses)) : [];
    control.onProgress?.(rec, elapsedS, live);
    if (elapsedS >= ABORT_CHECK_AFTER_S && !thresholdAbort) {
      const failed = live.find((v) => v.abortOnFail && !v.ok);
      if (failed) {
        thresholdAbort = `${failed.scope} ${failed.expression} failed (actual ${failed.actual === null ? "no data" : formatThresholdActual(failed.expression, failed.actual)}) with abort-on-fail`;
        abort.abort(new Error(thresholdAbort));
      }
    }
  }, 1000);
  try {
    if (model.kind === "open") await runOpenModel(model, guarded, rec, t0, abort.signal);
    else await runClosedModel(model, guarded, rec, t0, abort.signal);
  } finally {
    clearInterval(ticker);
    control.signal?.removeEventListener("abort", cancel);
  }
  const durationS = (performance.now() - t0) / 1000;
  const { requests, errors } = rec.overall;
  const droppedShare = rec.planned ? rec.dropped / rec.planned : 0;
  const invalid = droppedShare > MAX_DROPPED_SHARE;
  const cancelled = Boolean(control.signal?.aborted) && !safety;
  const endpoints = rec.endpointStats();
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
    statusCodes: rec.statuses(),
    errorKinds: Object.fromEntries(rec.errorKinds),
    endpoints,
    classes: classStats(endpoints, control.endpointClasses),
    series: rec.series(),
    windowS: rec.windowS,
    windows: rec.windowStats(),
    histogram: rec.encoded(),
    endpointHistograms: rec.encodedEndpoints(),
  };
  const verdicts = evaluateThresholds(thresholds, base);
  return { ...base, thresholds: verdicts, passed: !invalid && !safety && !cancelled && !thresholdAbort && verdicts.every((v) => v.ok) };
}
