import type { AdmissionSettings } from "./settings";

/**
 * Defaults for the adaptive limiter, each with its unit and why.
 * - minLimit 4 requests: below this a Node process cannot overlap a database round trip with work.
 * - maxLimit 512 requests: twice the old fixed 256; beyond it queues only add latency.
 * - initialLimit 64 requests: a cautious start that the first windows grow or shrink within a second.
 * - sampleWindowMs 100 ms: Envoy's concurrency_update_interval; 10 smoothed updates a second settle a
 *   capacity drop well within the 10 s goal.
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

/**
 * Percentile of a window's latency ratios (each sample over its route's baseline) that drives the
 * gradient, and of a probe's samples that sets a route's baseline: the median for both, as
 * Envoy aggregates minRTT and sampleRTT with the same percentile. Comparing a window's p90
 * with a probe's median (before 2026-12-03) let the spread of latencies alone, with no queue at
 * all, use up the rttBuffer, and held the limit at its floor.
 */
export const SAMPLE_PERCENTILE = 0.5;
/** A window updates the limit only with at least this many samples (Netflix's windowed limiter uses 10); a quiet window runs on. */
export const MIN_WINDOW_SAMPLES = 10;
/**
 * Fraction of the way the limit moves toward each window's new value (Netflix Gradient2 smooths
 * with 0.2). One window's median under a shared scheduler is noisy; unsmoothed, ten updates a
 * second that may each halve or double the limit never hold still (in the simulated traces 0.2
 * still left ±2 requests of jitter at a limit of 15). Near its level the limit has little pull
 * back when most of the latency comes from work it does not hold back (emergency alerts,
 * rejections), so each window's noise walks it: at 0.1 the simulated 3× overload with a CPU hog
 * (simulated-overload.test.ts, 16 seeds) settled within ±10 % in 10 s in 10 of 16 traces, at
 * 0.05 in all 16 (at most 9.6 s). At 0.05 a halving takes about 2.8 s (28 windows).
 */
export const LIMIT_SMOOTHING = 0.05;
/**
 * A window grows the limit only if some request in it saw at least this fraction of the limit in
 * flight (Netflix Gradient2's app-limited check, also one half). Without it, minutes below
 * capacity double the limit every few windows up to maxLimit (512), and the surge that follows is
 * admitted in full while the limit halves its way down.
 */
export const APP_LIMITED_SHARE = 0.5;
/** Samples a minimum-RTT probe needs (Envoy's request_count): enough that each route of a mixed load gets several. */
export const PROBE_SAMPLES = 50;
/** A route's baseline is re-measured from its own probe samples only with at least this many; with fewer it follows the other routes' drift. */
export const PROBE_ROUTE_MIN_SAMPLES = 3;
/**
 * A pinned probe re-measures the baselines only when its samples' median ratio to them is off by
 * more than this fraction (else it keeps them): about twice the spread of probes of an unchanged
 * service in the simulated traces (simulated-service.test-support.ts: within ±8 %). Taking every
 * probe's noise as new baselines moved the limit's equilibrium with it every five seconds, and in
 * those traces the limit never settled within ±10 %; a wider deadband (0.3) missed the smaller
 * slow-down a CPU hog causes at low concurrency (+15-40 %) until a second probe. Tuned on the
 * simulation, not on the service: in bench:overload (2026-12-03 18:32 UTC) the service's probes
 * were up to 3.3× apart from one to the next (medians from 2.5 to 9.4 ms), far beyond it, and the
 * limit followed them.
 */
export const PROBE_DEADBAND = 0.15;
/** A probe with at least MIN_WINDOW_SAMPLES samples ends after this long (ms), so a quiet service is not pinned low. */
export const PROBE_MAX_MS = 250;
/**
 * A probe ends after this long with whatever samples it has (ms). Samples count only once the
 * requests admitted before the pin have drained to the probe concurrency; under overload that
 * took longer than 250 ms, and probes that ended then had no sample at all.
 */
export const PROBE_GIVE_UP_MS = 1000;
/** After the unpinned cold-start measurement, the first pinned probe comes this soon (ms) to correct its overestimate. */
export const COLD_REPROBE_MS = 1000;
/**
 * After a probe beyond PROBE_DEADBAND, the probe that must confirm it comes this soon (ms). The
 * baselines move only when two probes in a row are beyond the deadband in the same direction:
 * in the simulated traces, probes under a CPU hog were up to 37 % off the baselines with no
 * lasting change (emergency alerts and rejections, which no limit holds back, slowed them), and
 * each such probe that moved the baselines moved the limit's level with it. One second later a
 * lasting change is still there and a burst mostly is not; the confirmation costs one extra
 * short probe, and only after a probe that saw something.
 */
export const CONFIRM_REPROBE_MS = 1000;
/** Fraction of the minimum-RTT interval used as ± jitter, so replicas do not probe in lock step. */
export const PROBE_JITTER = 0.15;
/** Bounds on one update's gradient (Envoy: the limit at most halves or doubles per window). */
export const GRADIENT_MIN = 0.5;
export const GRADIENT_MAX = 2;
