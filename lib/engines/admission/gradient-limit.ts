import { GRADIENT_MAX, GRADIENT_MIN, PROBE_JITTER, PROBE_MAX_MS, PROBE_SAMPLES, SAMPLE_PERCENTILE } from "./defaults";
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
 *   then the previous limit returns. The first probe starts immediately.
 */
export class GradientLimit {
  #limit: number;
  #minRttMs = Number.NaN;
  #window: number[] = [];
  #windowStart: number;
  #probe: { start: number; samples: number[]; saved: number } | null = null;
  #nextProbeAt: number;

  constructor(private settings: LimitSettings, now: number, private readonly random: () => number = Math.random) {
    this.#limit = settings.initialLimit;
    this.#windowStart = now;
    this.#nextProbeAt = now;
  }

  /** The limit in force now (the probe's concurrency while probing). */
  get limit(): number {
    return this.#probe ? this.settings.probeConcurrency : this.#limit;
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
    if (!this.#probe && now >= this.#nextProbeAt) this.#probe = { start: now, samples: [], saved: this.#limit };
    else if (this.#probe && now - this.#probe.start >= PROBE_MAX_MS) this.#finishProbe(now);
  }

  /** A successful request's latency; `lowConcurrency` when it was admitted at or below the probe concurrency. */
  sample(rttMs: number, now: number, lowConcurrency: boolean): void {
    if (this.#probe) {
      if (lowConcurrency && now >= this.#probe.start) this.#probe.samples.push(rttMs);
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
    if (probe.samples.length > 0) this.#minRttMs = percentile(probe.samples, 0.5);
    this.#limit = probe.saved;
    this.#probe = null;
    this.#window = [];
    this.#windowStart = now;
    const jitter = 1 + PROBE_JITTER * (2 * this.random() - 1);
    this.#nextProbeAt = now + this.settings.minRttIntervalS * 1000 * jitter;
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
