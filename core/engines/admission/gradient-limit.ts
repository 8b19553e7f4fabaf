import { COLD_REPROBE_MS, GRADIENT_MAX, GRADIENT_MIN, PROBE_JITTER, PROBE_MAX_MS, PROBE_SAMPLES, SAMPLE_PERCENTILE } from "./defaults";
import { percentile } from "./percentile";
import type { AdmissionSettings } from "./settings";

export type LimitSettings = Pick<AdmissionSettings, "minLimit" | "maxLimit" | "initialLimit" | "sampleWindowMs" | "rttBuffer" | "minRttIntervalS" | "probeConcurrency">;

/**
 * Envoy's adaptive concurrency "gradient controller", pure (time and randomness are passed in):
 * - every `sampleWindowMs` the window's p90 latency gives
 *   gradient = clamp(minRtt × (1 + rttBuffer) / sampleRtt, 0.5, 2) and
 *   limit = clamp(limit × gradient + √(limit × gradient), minLimit, maxLimit);
 * - every `minRttIntervalS` (± jitter) the limit is pinned to `probeConcurrency` until
 *   PROBE_SAMPLES low-concurrency samples (or PROBE_MAX_MS) re-measure minRtt (their median),
 *   then the previous limit returns.
 * - the first measurement (cold start) is not pinned: a burst of users arriving at a service
 *   that has just started must not be refused while it learns. The limit stays at
 *   `initialLimit` and minRtt is the fastest of the first samples at any concurrency (an
 *   overestimate under a burst, the safe direction: it admits more); the first pinned probe,
 *   COLD_REPROBE_MS later, corrects it.
 */
export class GradientLimit {
  #limit: number;
  #minRttMs = Number.NaN;
  #window: number[] = [];
  #windowStart: number;
  #probe: { start: number; samples: number[]; saved: number; cold: boolean } | null = null;
  #nextProbeAt: number;

  constructor(private settings: LimitSettings, now: number, private readonly random: () => number = Math.random) {
    this.#limit = settings.initialLimit;
    this.#windowStart = now;
    this.#nextProbeAt = now;
  }

  /** The limit in force now (the probe's concurrency while a pinned probe runs). */
  get limit(): number {
    return this.#probe && !this.#probe.cold ? this.settings.probeConcurrency : this.#limit;
  }
  /** The adaptive limit itself, unchanged while a probe pins admission lower. */
  get steadyLimit(): number {
    return this.#limit;
  }
  get minRttMs(): number {
    return this.#minRttMs;
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
    if (!this.#probe && now >= this.#nextProbeAt) this.#probe = { start: now, samples: [], saved: this.#limit, cold: !(this.#minRttMs > 0) };
    else if (this.#probe && now - this.#probe.start >= PROBE_MAX_MS) this.#finishProbe(now);
  }

  /** A successful request's latency; `lowConcurrency` when it was admitted at or below the probe concurrency. */
  sample(rttMs: number, now: number, lowConcurrency: boolean): void {
    if (this.#probe) {
      if ((lowConcurrency || this.#probe.cold) && now >= this.#probe.start) this.#probe.samples.push(rttMs);
      if (this.#probe.samples.length >= PROBE_SAMPLES || now - this.#probe.start >= PROBE_MAX_MS) this.#finishProbe(now);
      return;
    }
    this.#window.push(rttMs);
    if (now - this.#windowStart >= this.settings.sampleWindowMs) this.#update(now);
  }

  #update(now: number): void {
    const sampleRtt = percentile(this.#window, SAMPLE_PERCENTILE);
    this.#window = [];
    this.#windowStart = now;
    if (!(this.#minRttMs > 0) || !(sampleRtt > 0)) return;
    const gradient = clamp((this.#minRttMs * (1 + this.settings.rttBuffer)) / sampleRtt, GRADIENT_MIN, GRADIENT_MAX);
    const scaled = this.#limit * gradient;
    this.#limit = clamp(Math.round(scaled + Math.sqrt(scaled)), this.settings.minLimit, this.settings.maxLimit);
  }

  #finishProbe(now: number): void {
    const probe = this.#probe!;
    if (probe.samples.length > 0) this.#minRttMs = probe.cold ? Math.min(...probe.samples) : percentile(probe.samples, 0.5);
    this.#limit = probe.saved;
    this.#probe = null;
    this.#window = [];
    this.#windowStart = now;
    const jitter = 1 + PROBE_JITTER * (2 * this.random() - 1);
    const intervalMs = this.settings.minRttIntervalS * 1000 * jitter;
    this.#nextProbeAt = now + (probe.cold ? Math.min(intervalMs, COLD_REPROBE_MS) : intervalMs);
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
