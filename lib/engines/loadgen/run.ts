import { runClosedModel, type ClosedModelOptions } from "./closed-model";
import { runOpenModel, type Exec, type OpenModelOptions } from "./open-model";
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
  latencyMs: LatencySummary;
  statusCodes: Record<string, number>;
  errorKinds: Record<string, number>;
  endpoints: Record<string, EndpointStats>;
  series: SeriesPoint[];
  thresholds: ThresholdVerdict[];
  passed: boolean;
  histogram: string;
}

export async function runLoad(model: LoadModel, exec: Exec, thresholds: Threshold[]): Promise<RunResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const rec = new RunRecorder(t0);
  if (model.kind === "open") await runOpenModel(model, exec, rec, t0);
  else await runClosedModel(model, exec, rec, t0);
  const durationS = (performance.now() - t0) / 1000;
  const { requests, errors } = rec.overall;
  const droppedShare = rec.planned ? rec.dropped / rec.planned : 0;
  const invalid = droppedShare > MAX_DROPPED_SHARE;
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
    ...(invalid ? { invalidReason: `${(droppedShare * 100).toFixed(2)}% of planned starts were dropped (limit ${MAX_DROPPED_SHARE * 100}%)` } : {}),
    latencyMs: summarize(rec.overall.histogram),
    statusCodes: Object.fromEntries([...rec.statuses].map(([k, v]) => [String(k), v])),
    errorKinds: Object.fromEntries(rec.errorKinds),
    endpoints: rec.endpointStats(),
    series: rec.series(),
    histogram: rec.encoded(),
  };
  const verdicts = evaluateThresholds(thresholds, base);
  return { ...base, thresholds: verdicts, passed: !invalid && verdicts.every((v) => v.ok) };
}
