import {
  APP_LIMITED_SHARE, COLD_REPROBE_MS, CONFIRM_REPROBE_MS, GRADIENT_MAX, GRADIENT_MIN, LIMIT_SMOOTHING, MIN_WINDOW_SAMPLES, PROBE_JITTER, PROBE_MAX_MS, PROBE_ROUTE_MIN_SAMPLES, PROBE_DEADBAND, PROBE_GIVE_UP_MS, PROBE_SAMPLES, SAMPLE_PERCENTILE,
} from "./defaults";
import { percentile } from "./percentile";
import type { AdmissionSettings } from "./settings";

export type LimitSettings = Pick<AdmissionSettings, "minLimit" | "maxLimit" | "initialLimit" | "sampleWindowMs" | "rttBuffer" | "minRttIntervalS" | "probeConcurrency">;

/**
 * Envoy's adaptive concurrency "gradient controller", pure (time and randomness are passed in),
 * with each latency compared against the minimum RTT of its own route:
 * - a sample's ratio is its latency over its route's baseline (the route's median latency in
 *   the last probe). A patient read and a census differ tenfold in latency with no queue at
 *   all; one minimum RTT for every route read that difference as congestion whenever the
 *   window's mix was slower than the probe's (the probe sheds the slow classes first).
 * - every `sampleWindowMs` (and at least MIN_WINDOW_SAMPLES samples) the window's median
 *   ratio gives gradient = clamp((1 + rttBuffer) / ratio, 0.5, 2), and the limit moves
 *   LIMIT_SMOOTHING of the way to limit × gradient + √(limit × gradient), within
 *   [minLimit, maxLimit]. Under sustained overload the ratio rises with the limit (a queue
 *   forms), so the limit settles where queueing adds about rttBuffer to the baseline.
 * - every `minRttIntervalS` (± jitter) the limit is pinned to `probeConcurrency` until
 *   PROBE_SAMPLES low-concurrency samples (or PROBE_MAX_MS with at least MIN_WINDOW_SAMPLES, or
 *   PROBE_GIVE_UP_MS with any) re-measure the baselines, then the
 *   previous limit returns. A lasting capacity drop (a CPU hog) moves the baselines up with it;
 *   a probe within PROBE_DEADBAND of the baselines keeps them, so the noise of one probe does
 *   not move the limit's equilibrium every few seconds. A probe beyond the deadband is only a
 *   candidate: a second probe CONFIRM_REPROBE_MS later must be beyond it in the same direction
 *   before the baselines move (a burst of the work the limit does not hold back, emergency
 *   alerts and rejections, slows one probe but not two in a row). Routes with fewer than
 *   PROBE_ROUTE_MIN_SAMPLES samples in a re-measuring probe follow the others' drift.
 * - the first measurement (cold start) is not pinned: a burst of users arriving at a service
 *   that has just started must not be refused while it learns. The limit stays at
 *   `initialLimit` and each route's baseline is its fastest first sample at any concurrency (an
 *   overestimate under a burst, the safe direction: it admits more); the first pinned probe,
 *   COLD_REPROBE_MS later, corrects it.
 * Samples of a route with no baseline yet are left out of the window until a probe measures it.
 * - the limit does not grow in a window whose requests in flight never reached APP_LIMITED_SHARE
 *   of it (Netflix Gradient2's app-limited check): a quiet hour must not leave the limit at its
 *   maximum for the next surge to be admitted into.
 */
export class GradientLimit {
  /** Unrounded, so smoothing can move it by less than one request per window. */
  #limit: number;
  #minRttMs = Number.NaN;
  readonly #baselines = new Map<string, number>();
  /** A pinned probe has measured the baselines (the cold start's are overestimates). */
  #shaped = false;
  #window: number[] = [];
  /** The most requests in flight any sample of the window saw (Infinity when the caller does not say). */
  #windowInFlight = 0;
  #windowStart: number;
  #probe: { start: number; samples: { route: string; rttMs: number }[]; saved: number; cold: boolean } | null = null;
  #nextProbeAt: number;
  /** The drift of the last probe when it was beyond the deadband and awaits a second probe's confirmation, else null. */
  #unconfirmedDrift: number | null = null;

  constructor(private settings: LimitSettings, now: number, private readonly random: () => number = Math.random) {
    this.#limit = settings.initialLimit;
    this.#windowStart = now;
    this.#nextProbeAt = now;
  }

  /** The limit in force now (the probe's concurrency while a pinned probe runs). */
  get limit(): number {
    return this.#probe && !this.#probe.cold ? this.settings.probeConcurrency : this.steadyLimit;
  }
  /** The adaptive limit itself, unchanged while a probe pins admission lower. */
  get steadyLimit(): number {
    return Math.round(this.#limit);
  }
  /** The median latency of the last probe over all its routes (at cold start the fastest sample): shown, not used. */
  get minRttMs(): number {
    return this.#minRttMs;
  }
  /** The baseline latency of `route` (ms), or NaN before a probe has measured it. */
  baselineMs(route: string): number {
    return this.#baselines.get(route) ?? Number.NaN;
  }
  get probing(): boolean {
    return this.#probe !== null;
  }

  /** New settings keep the current limit, clamped into the new bounds. */
  reconfigure(settings: LimitSettings): void {
    this.settings = settings;
    this.#limit = clamp(this.#limit, settings.minLimit, settings.maxLimit);
  }

  /** Call before admitting: starts a due probe or ends an overdue one. */
  tick(now: number): void {
    if (!this.#probe && now >= this.#nextProbeAt) this.#probe = { start: now, samples: [], saved: this.#limit, cold: this.#baselines.size === 0 };
    else if (this.#probe && this.#probeOver(now)) this.#finishProbe(now);
  }

  /** After PROBE_MAX_MS with MIN_WINDOW_SAMPLES samples, or PROBE_GIVE_UP_MS with any (a loaded service first drains to the probe concurrency). */
  #probeOver(now: number): boolean {
    const elapsed = now - this.#probe!.start;
    return elapsed >= PROBE_GIVE_UP_MS || (elapsed >= PROBE_MAX_MS && this.#probe!.samples.length >= MIN_WINDOW_SAMPLES);
  }

  /**
   * A successful request's latency; `lowConcurrency` when it was admitted at or below the probe
   * concurrency; `route` names the kind of work (the route template), whose baseline it is compared with.
   * A pinned probe counts only requests admitted after it started: one admitted at low
   * concurrency seconds earlier and held up behind an overload since (7.4 s in a bench:overload
   * run) is not a baseline.
   */
  sample(rttMs: number, now: number, lowConcurrency: boolean, route = "", inFlight = Infinity): void {
    if (this.#probe) {
      if (this.#probe.cold ? now >= this.#probe.start : lowConcurrency && now - rttMs >= this.#probe.start) this.#probe.samples.push({ route, rttMs });
      if (this.#probe.samples.length >= PROBE_SAMPLES || this.#probeOver(now)) this.#finishProbe(now);
      return;
    }
    const baseline = this.#baselines.get(route);
    if (baseline !== undefined) {
      this.#window.push(rttMs / baseline);
      this.#windowInFlight = Math.max(this.#windowInFlight, inFlight);
    }
    if (now - this.#windowStart >= this.settings.sampleWindowMs && this.#window.length >= MIN_WINDOW_SAMPLES) this.#update(now);
  }

  #update(now: number): void {
    const ratio = percentile(this.#window, SAMPLE_PERCENTILE);
    const appLimited = this.#windowInFlight < APP_LIMITED_SHARE * this.#limit;
    this.#window = [];
    this.#windowInFlight = 0;
    this.#windowStart = now;
    if (!(ratio > 0)) return;
    const gradient = clamp((1 + this.settings.rttBuffer) / ratio, GRADIENT_MIN, GRADIENT_MAX);
    const scaled = this.#limit * gradient;
    const target = scaled + Math.sqrt(scaled);
    if (appLimited && target > this.#limit) return;
    this.#limit = clamp(this.#limit + LIMIT_SMOOTHING * (target - this.#limit), this.settings.minLimit, this.settings.maxLimit);
  }

  #finishProbe(now: number): void {
    const probe = this.#probe!;
    const aggregate = (values: number[]) => (probe.cold ? Math.min(...values) : percentile(values, SAMPLE_PERCENTILE));
    if (probe.samples.length > 0) this.#minRttMs = aggregate(probe.samples.map((s) => s.rttMs));
    const byRoute = groupByRoute(probe.samples);
    // How far this probe's samples are from the baselines they would replace (median ratio).
    const known = probe.samples.filter((s) => this.#baselines.has(s.route));
    const drift = percentile(known.map((s) => s.rttMs / this.#baselines.get(s.route)!), SAMPLE_PERCENTILE);
    const beyond = this.#shaped && !probe.cold && known.length >= PROBE_ROUTE_MIN_SAMPLES && Math.abs(drift - 1) > PROBE_DEADBAND;
    const confirmed = beyond && this.#unconfirmedDrift !== null && Math.sign(this.#unconfirmedDrift - 1) === Math.sign(drift - 1);
    const remeasure = probe.cold || !this.#shaped || confirmed;
    this.#unconfirmedDrift = beyond && !confirmed ? drift : null;
    if (remeasure && !probe.cold && drift > 0) {
      // Routes with too few samples of their own follow the others' drift.
      for (const [route, ms] of this.#baselines) if ((byRoute.get(route)?.length ?? 0) < PROBE_ROUTE_MIN_SAMPLES) this.#baselines.set(route, ms * drift);
    }
    for (const [route, values] of byRoute) {
      const own = probe.cold || values.length >= PROBE_ROUTE_MIN_SAMPLES;
      if (!this.#baselines.has(route) || (remeasure && own)) this.#baselines.set(route, aggregate(values));
    }
    if (remeasure && !probe.cold && probe.samples.length > 0) this.#shaped = true;
    this.#limit = probe.saved;
    this.#probe = null;
    this.#window = [];
    this.#windowInFlight = 0;
    this.#windowStart = now;
    const jitter = 1 + PROBE_JITTER * (2 * this.random() - 1);
    const intervalMs = this.settings.minRttIntervalS * 1000 * jitter;
    const soon = probe.cold ? COLD_REPROBE_MS : this.#unconfirmedDrift !== null ? CONFIRM_REPROBE_MS : Infinity;
    this.#nextProbeAt = now + Math.min(intervalMs, soon);
  }
}

function groupByRoute(samples: { route: string; rttMs: number }[]): Map<string, number[]> {
  const byRoute = new Map<string, number[]>();
  for (const s of samples) {
    const values = byRoute.get(s.route);
    if (values) values.push(s.rttMs);
    else byRoute.set(s.route, [s.rttMs]);
  }
  return byRoute;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
