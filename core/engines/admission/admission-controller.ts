import { ADMISSION_CLASSES, isLimited, type AdmissionClass } from "./classes";
import { GradientLimit } from "./gradient-limit";
import { admits, guaranteedSlots } from "./partitions";
import type { AdmissionSettings } from "./settings";

export interface Ticket {
  readonly cls: AdmissionClass;
  readonly startMs: number;
  /** The route template: its latency is compared with that route's baseline. */
  readonly route: string;
  /** Admitted at or below the probe concurrency: its latency may re-measure the minimum RTT. */
  readonly low: boolean;
}

export type RejectReason = "concurrency";

/**
 * The admission decision for the clinical service: emergency requests are always admitted and
 * counted in their own partition (never against the others' limit); the other classes share an
 * adaptive limit (GradientLimit) partitioned by guaranteed shares with borrowing (partitions.ts).
 */
export class AdmissionController {
  readonly #limit: GradientLimit;
  readonly #inFlight: Record<AdmissionClass, number> = Object.fromEntries(ADMISSION_CLASSES.map((c) => [c, 0])) as Record<AdmissionClass, number>;
  #total = 0; // non-emergency requests in flight

  constructor(private current: AdmissionSettings, now: number, random?: () => number) {
    this.#limit = new GradientLimit(current, now, random);
  }

  /** A ticket to pass to `release`, or null when the request must be rejected. `route` names the kind of work (default: one kind). */
  tryAcquire(cls: AdmissionClass, now: number, route = ""): Ticket | null {
    if (!isLimited(cls)) {
      this.#inFlight[cls]++;
      return { cls, startMs: now, route, low: false };
    }
    this.#limit.tick(now);
    if (this.current.enabled && !admits(cls, this.#limit.limit, this.#inFlight[cls], this.#total, this.current) && !this.#keepsShareWhileProbing(cls)) return null;
    this.#inFlight[cls]++;
    this.#total++;
    return { cls, startMs: now, route, low: this.#total <= this.current.probeConcurrency };
  }

  /**
   * While a pinned minimum-RTT probe runs, patient data (CRITICAL) keeps up to its guaranteed
   * share of the steady limit, but no more than the probe concurrency, beyond the pin: a patient
   * read (the fastest route) is refused while the limiter measures only when that many are
   * already in flight. Its whole share (before 2026-12-03: half of a limit of 512) kept the
   * service from ever draining to the probe concurrency under overload, so no probe got a sample
   * and the baselines learned during the cold start's flood were never corrected.
   */
  #keepsShareWhileProbing(cls: AdmissionClass): boolean {
    if (cls !== "patient-data" || !this.#limit.probing) return false;
    const kept = Math.min(guaranteedSlots(this.#limit.steadyLimit, this.current)[cls], this.current.probeConcurrency);
    return this.#inFlight[cls] < kept;
  }

  /** `ok`: the request succeeded, so its latency is a sample (errors and timeouts are not). */
  release(ticket: Ticket, now: number, ok: boolean): void {
    this.#inFlight[ticket.cls]--;
    if (!isLimited(ticket.cls)) return;
    this.#total--;
    // In flight as this request ends (itself included): the limit does not grow while demand stays well below it.
    if (ok) this.#limit.sample(now - ticket.startMs, now, ticket.low, ticket.route, this.#total + 1);
  }

  /** The adaptive limit without a probe's pin: what the limiter has learned, and what settles. */
  get steadyLimit(): number {
    return this.#limit.steadyLimit;
  }

  get settings(): AdmissionSettings {
    return this.current;
  }

  reconfigure(settings: AdmissionSettings): void {
    this.current = settings;
    this.#limit.reconfigure(settings);
  }

  snapshot() {
    const limit = this.#limit.limit;
    return {
      enabled: this.current.enabled,
      limit,
      steadyLimit: this.#limit.steadyLimit,
      minRttMs: this.#limit.minRttMs,
      probing: this.#limit.probing,
      inFlight: { ...this.#inFlight },
      guaranteed: guaranteedSlots(limit, this.current),
    };
  }
}
