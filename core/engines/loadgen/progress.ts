import { summarize, type LatencySummary } from "./histogram";
import type { EndpointStats, RunRecorder, SeriesPoint } from "./recorder";
import type { ThresholdVerdict } from "./thresholds";

/** What a run in progress reports about once a second (and the run page shows live). */
export interface RunProgress {
  elapsedS: number;
  requests: number;
  errors: number;
  late: number;
  dropped: number;
  latencyMs: LatencySummary;
  endpoints: Record<string, EndpointStats>;
  series: SeriesPoint[];
  /** Every threshold evaluated on the run so far (final only when the run ends). */
  thresholds: ThresholdVerdict[];
}

export function progressSnapshot(rec: RunRecorder, elapsedS: number, thresholds: ThresholdVerdict[]): RunProgress {
  return {
    elapsedS,
    requests: rec.overall.requests,
    errors: rec.overall.errors,
    late: rec.late,
    dropped: rec.dropped,
    latencyMs: summarize(rec.overall.histogram),
    endpoints: rec.endpointStats(),
    series: rec.series(),
    thresholds,
  };
}
