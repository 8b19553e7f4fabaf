import type { AdmissionSettings } from "./settings";

/**
 * Defaults for the adaptive limiter, each with its unit and why.
 * - minLimit 4 requests: below this a Node process cannot overlap a database round trip with work.
 * - maxLimit 512 requests: twice the old fixed 256; beyond it queues only add latency.
 * - initialLimit 64 requests: a cautious start that the first windows grow or shrink within a second.
 * - sampleWindowMs 100 ms: Envoy's concurrency_update_interval; 10 updates a second settle a capacity
 *   drop (the limit can halve per window) well within the 10 s goal.
 * - rttBuffer 0.5 (+50 %): Envoy's default is 25 %; this machine's scheduler noise (2 shared cores)
 *   needs more room before it reads noise as congestion.
 * - minRttIntervalS 5 s: Envoy re-measures every 60 s; 5 s so a lasting capacity drop (a CPU hog)
 *   is reflected in the minimum RTT within the 10 s settle goal, at the cost of a short probe.
 * - probeConcurrency 4 requests: Envoy pins to 3; 4 keeps a database round trip overlapped.
 * - shares: patient data 50 %, clinical data 30 %, AI inference 20 % guaranteed (they sum to 100 %).
 * - borrow ceilings: AI inference borrows only up to 70 % of the limit, clinical data 85 %,
 *   patient data 100 %, so past 70 % in flight the lowest class is shed first.
 */
export const DEFAULT_ADMISSION_SETTINGS: AdmissionSettings = {
  enabled: true,
  minLimit: 4,
  maxLimit: 512,
  initialLimit: 64,
  sampleWindowMs: 100,
  rttBuffer: 0.5,
  minRttIntervalS: 5,
  probeConcurrency: 4,
  sharesPct: { "patient-data": 50, "clinical-data": 30, "ai-inference": 20 },
  borrowCeilingPct: { "patient-data": 100, "clinical-data": 85, "ai-inference": 70 },
};

/** Latency percentile of a sample window that drives the gradient (Envoy's sample_aggregate_percentile). */
export const SAMPLE_PERCENTILE = 0.9;
/** Samples a minimum-RTT probe needs (Envoy's request_count is 50; fewer keeps probes short). */
export const PROBE_SAMPLES = 25;
/** A probe ends after this long even with fewer samples (ms), so a quiet service is not pinned low. */
export const PROBE_MAX_MS = 250;
/** After the unpinned cold-start measurement, the first pinned probe comes this soon (ms) to correct its overestimate. */
export const COLD_REPROBE_MS = 1000;
/** Fraction of the minimum-RTT interval used as ± jitter, so replicas do not probe in lock step. */
export const PROBE_JITTER = 0.15;
/** Bounds on one update's gradient (Envoy: the limit at most halves or doubles per window). */
export const GRADIENT_MIN = 0.5;
export const GRADIENT_MAX = 2;
