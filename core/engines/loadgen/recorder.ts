import type { ErrorKind, StepRecorder } from "./iteration";
import type { RunWindow } from "../regression/run-window";
import { WINDOW_SECONDS } from "../regression/windows";
import { newHistogram, recordMs, summarize, encodeHistogram, type Histogram, type LatencySummary } from "./histogram";

export type { ErrorKind } from "./iteration";

interface Bucket {
  histogram: Histogram;
  requests: number;
  errors: number;
}

export interface EndpointStats extends LatencySummary {
  requests: number;
  errors: number;
}

export interface SeriesPoint extends LatencySummary {
  second: number;
  requests: number;
  errors: number;
}

const bucket = (): Bucket => ({ histogram: newHistogram(), requests: 0, errors: 0 });

/** Collects every outcome of a run: overall, per endpoint, per second, by status and error kind. */
export class RunRecorder {
  readonly overall = bucket();
  readonly endpoints = new Map<string, Bucket>();
  readonly windows = new Map<number, Bucket>();
  /** Per endpoint, per window of `windowS` seconds (index = start second / windowS). */
  readonly endpointWindows = new Map<string, Map<number, Bucket>>();
  /** Count per HTTP status, indexed by the status (an array: a Map write per request is measurable). */
  readonly statusCounts: number[] = [];
  readonly errorKinds = new Map<ErrorKind, number>();
  planned = 0;
  late = 0;
  dropped = 0;

  /** `windowS`: the length of the per-endpoint windows (see windowSecondsFor: it follows the run's length). */
  constructor(private readonly startedAt: number, readonly windowS: number = WINDOW_SECONDS) {}

  /** `latencyMs` runs from the *scheduled* start in open-model runs (no coordinated omission). */
  record(endpoint: string, latencyMs: number, completedAt: number, status: number | null, error: ErrorKind | null): void {
    // Whether an answer is an error is the caller's verdict (a scenario may expect a 422).
    const failed = error !== null || status === null;
    const second = Math.max(0, Math.floor((completedAt - this.startedAt) / 1000));
    let ep = this.endpoints.get(endpoint);
    if (!ep) this.endpoints.set(endpoint, (ep = bucket()));
    let win = this.windows.get(second);
    if (!win) this.windows.set(second, (win = bucket()));
    let epWindows = this.endpointWindows.get(endpoint);
    if (!epWindows) this.endpointWindows.set(endpoint, (epWindows = new Map()));
    const w = Math.floor(second / this.windowS);
    let epWin = epWindows.get(w);
    if (!epWin) epWindows.set(w, (epWin = bucket()));
    for (const b of [this.overall, ep, win, epWin]) {
      recordMs(b.histogram, latencyMs);
      b.requests++;
      if (failed) b.errors++;
    }
    if (status !== null) this.statusCounts[status] = (this.statusCounts[status] ?? 0) + 1;
    if (error) this.errorKinds.set(error, (this.errorKinds.get(error) ?? 0) + 1);
  }

  /** What iterations call per request: latency runs from `startedAt` to now. */
  stepRecorder(): StepRecorder {
    return (endpoint, startedAt, status, error) => {
      const end = performance.now();
      this.record(endpoint, end - startedAt, end, status, error);
    };
  }

  endpointStats(): Record<string, EndpointStats> {
    return Object.fromEntries([...this.endpoints].map(([name, b]) => [name, { ...summarize(b.histogram), requests: b.requests, errors: b.errors }]));
  }

  series(): SeriesPoint[] {
    return [...this.windows].sort(([a], [b]) => a - b).map(([second, b]) => ({ second, requests: b.requests, errors: b.errors, ...summarize(b.histogram) }));
  }

  statuses(): Record<string, number> {
    return Object.fromEntries(this.statusCounts.flatMap((n, code) => (n ? [[String(code), n]] : [])));
  }

  windowStats(): Record<string, RunWindow[]> {
    return Object.fromEntries([...this.endpointWindows].map(([name, wins]) => [name, [...wins].sort(([a], [b]) => a - b).map(([w, b]) => {
      const { p50, p95, p99 } = summarize(b.histogram);
      return { startS: w * this.windowS, requests: b.requests, errors: b.errors, p50, p95, p99 };
    })]));
  }

  encoded(): string {
    return encodeHistogram(this.overall.histogram);
  }

  /** Each endpoint's whole-run histogram, encoded, so runs can be merged and re-read later. */
  encodedEndpoints(): Record<string, string> {
    return Object.fromEntries([...this.endpoints].map(([name, b]) => [name, encodeHistogram(b.histogram)]));
  }
}
