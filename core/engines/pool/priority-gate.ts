import { POOL_CLASSES, rankOf, type PoolClass, type PoolSettings } from "./classes";
import { canAdmit, zeroCounts, type ClassCounts } from "./admission";

/** Thrown to a request that waited its class's whole timeout for a connection. */
export class PoolWaitTimeoutError extends Error {
  readonly code = "POOL_WAIT_TIMEOUT";
  constructor(readonly poolClass: PoolClass, readonly waitedMs: number) {
    super(`No ${poolClass} database connection became free within ${waitedMs} ms`);
  }
}

interface Waiter {
  admit: () => void;
}

/**
 * Admission in front of the connection pool: reservations per class, idle capacity borrowed by
 * anyone, and waiting requests served highest class first (first come, first served within a
 * class). Holds counts only; the caller runs the query between acquiring and `release`.
 */
export class PriorityGate {
  #settings: PoolSettings;
  readonly #inUse = zeroCounts();
  readonly #queues = Object.fromEntries(POOL_CLASSES.map((c) => [c, [] as Waiter[]])) as Record<PoolClass, Waiter[]>;

  constructor(settings: PoolSettings) {
    this.#settings = settings;
  }

  get settings(): PoolSettings {
    return this.#settings;
  }

  /** Takes a connection slot at once when the class may have one and nobody of its rank or above waits. */
  tryAcquire(c: PoolClass): boolean {
    for (let k = 0; k <= rankOf(c); k++) if (this.#queues[POOL_CLASSES[k]!].length > 0) return false;
    if (!canAdmit(c, this.#inUse, this.#settings)) return false;
    this.#inUse[c]++;
    return true;
  }

  /** Queues for a slot; resolves once it is held, rejects with PoolWaitTimeoutError after `timeoutMs`. */
  wait(c: PoolClass, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const queue = this.#queues[c];
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        reject(new PoolWaitTimeoutError(c, timeoutMs));
        // Leaving the queue can unblock lower classes that were only behind this waiter.
        this.#drain();
      }, timeoutMs);
      queue.push(waiter);
      this.#drain();
    });
  }

  /** Acquires a slot for class `c`, waiting if needed. */
  async acquire(c: PoolClass, timeoutMs: number): Promise<void> {
    if (!this.tryAcquire(c)) await this.wait(c, timeoutMs);
  }

  /** Returns a slot taken with tryAcquire/wait/acquire and admits whoever may go next. */
  release(c: PoolClass): void {
    this.#inUse[c]--;
    this.#drain();
  }

  /** New sizes and reservations; connections held beyond a smaller size are kept until released. */
  resize(settings: PoolSettings): void {
    this.#settings = settings;
    this.#drain();
  }

  inUse(): ClassCounts {
    return { ...this.#inUse };
  }

  waiting(): ClassCounts {
    return Object.fromEntries(POOL_CLASSES.map((c) => [c, this.#queues[c].length])) as ClassCounts;
  }

  // Highest class first; a class that cannot be admitted blocks every class below it, since
  // lower classes must leave at least as much free.
  #drain(): void {
    for (const c of POOL_CLASSES) {
      const queue = this.#queues[c];
      while (queue.length > 0) {
        if (!canAdmit(c, this.#inUse, this.#settings)) return;
        this.#inUse[c]++;
        queue.shift()!.admit();
      }
    }
  }
}
