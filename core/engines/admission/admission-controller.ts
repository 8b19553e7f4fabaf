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
   * While a pinned minimum-RTT probe runs, patient data (CRITICAL) keeps its guaranteed share of
   * the steady limit: a clinician's patient read is never refused because the limiter is
   * measuring. Its requests then count toward the total, so the probe takes samples only when
   * patient data leaves room; with none, the probe ends after PROBE_MAX_MS with minRtt unchanged.
   */
  #keepsShareWhileProbing(cls: AdmissionClass): boolean {
    if (cls !== "patient-data" || !this.#limit.probing) return false;
    return this.#inFlight[cls] < guaranteedSlots(this.#limit.steadyLimit, this.current)[cls];
  }

  /** `ok`: the request succeeded, so its latency is a sample (errors and timeouts are not). */
  release(ticket: Ticket, now: number, ok: boolean): void {
    this.#inFlight[ticket.cls]--;
    if (!isLimited(ticket.cls)) return;
    this.#total--;
    if (ok) this.#limit.sample(now - ticket.startMs, now, ticket.low, ticket.route);
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
