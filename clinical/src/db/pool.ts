import { DEFAULT_POOL_SETTINGS, type PoolClass, type PoolSettings, type PoolUpdate } from "@/core/engines/pool/policy";
import { PriorityGate } from "@/core/engines/pool/priority-gate";
import type { ClassCounts } from "@/core/engines/pool/admission";

/** The pool settings in force on this instance. */
export interface AppliedPoolSettings {
  version: number;
  settings: PoolSettings;
  appliedAt: string;
}

export type PoolApplyOutcome = { applied: true } | { applied: false; reason: "older" | "conflict" | "same" };

/**
 * Called once per query admitted (waitedS = 0 when a connection was free) or timed out waiting,
 * and again when an admitted query is cancelled by its class's statement_timeout.
 */
export type PoolObserver = (cls: PoolClass, waitedS: number, outcome: "admitted" | "wait-timeout" | "statement-timeout") => void;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The priority gate plus its versioned settings (version 0 = DEFAULT_POOL_SETTINGS, or what
 * the service was started with). Versions only move forward, as with cache policies.
 */
export class ClinicalPool {
  readonly gate: PriorityGate;
  #current: AppliedPoolSettings;
  readonly #observers: PoolObserver[] = [];
  readonly #onResize: (s: PoolSettings) => void;

  constructor(settings: PoolSettings = DEFAULT_POOL_SETTINGS, onResize: (s: PoolSettings) => void = () => {}) {
    this.gate = new PriorityGate(structuredClone(settings));
    this.#current = { version: 0, settings: structuredClone(settings), appliedAt: new Date().toISOString() };
    this.#onResize = onResize;
    onResize(settings);
  }

  get current(): AppliedPoolSettings {
    return this.#current;
  }

  timeoutMs(cls: PoolClass): number {
    return this.#current.settings.classes[cls].statementTimeoutMs;
  }

  /** Applies an update already validated against poolUpdateSchema. */
  apply(update: PoolUpdate): PoolApplyOutcome {
    const cur = this.#current;
    if (update.version < cur.version) return { applied: false, reason: "older" };
    if (update.version === cur.version) return { applied: false, reason: sameJson(update.settings, cur.settings) ? "same" : "conflict" };
    const settings = structuredClone(update.settings);
    this.#current = { version: update.version, settings, appliedAt: new Date().toISOString() };
    this.#onResize(settings);
    this.gate.resize(settings);
    return { applied: true };
  }

  observe(o: PoolObserver): void {
    this.#observers.push(o);
  }

  /** Takes a slot for `cls`, waiting at most its statement timeout; returns the seconds waited. */
  async acquire(cls: PoolClass): Promise<number> {
    if (this.gate.tryAcquire(cls)) {
      for (const o of this.#observers) o(cls, 0, "admitted");
      return 0;
    }
    const started = performance.now();
    try {
      await this.gate.wait(cls, this.timeoutMs(cls));
    } catch (err) {
      for (const o of this.#observers) o(cls, (performance.now() - started) / 1000, "wait-timeout");
      throw err;
    }
    const waited = (performance.now() - started) / 1000;
    for (const o of this.#observers) o(cls, waited, "admitted");
    return waited;
  }

  /** Records that PostgreSQL cancelled a query of this class (SQLSTATE 57014). */
  statementTimedOut(cls: PoolClass): void {
    for (const o of this.#observers) o(cls, 0, "statement-timeout");
  }

  release(cls: PoolClass): void {
    this.gate.release(cls);
  }

  stats(): { inUse: ClassCounts; waiting: ClassCounts; size: number } {
    return { inUse: this.gate.inUse(), waiting: this.gate.waiting(), size: this.#current.settings.size };
  }
}
