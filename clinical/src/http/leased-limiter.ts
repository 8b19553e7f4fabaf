import { RateLimiterRes } from "rate-limiter-flexible";

/**
 * Share of a bucket's window budget one instance takes from Redis at a time. 5%: a client at its
 * full budget costs one Redis round trip per 20th of its window instead of one per request, and
 * an instance can leave at most this much of a client's window unused (a lease it did not spend
 * before the window ended). Near the end of a budget leases shrink to exactly what is asked.
 */
export const LEASE_SHARE = 0.05;

/** What a charge answers (the subset of rate-limiter-flexible's result the service reads). */
export interface Charge {
  remainingPoints: number;
  msBeforeNext: number;
}

/** A bucket: charges `points` to `key`, rejecting with a RateLimiterRes when the budget is spent. */
export interface Limiter {
  consume(key: string, points: number): Promise<Charge>;
}

interface Lease {
  /** Points taken from the shared store and not yet charged here. */
  left: number;
  /** The shared store's remaining points for the key after the lease was taken. */
  shared: number;
  /** Epoch ms when the key's window ends. */
  resetAt: number;
}

/**
 * Charges a shared (Redis) limiter in leases: a request is charged from points this instance
 * already took from the store, and the store is asked only when the lease runs out. Every point
 * charged was first taken from the store, so instances together never admit more than the
 * budget; they may admit slightly less (see LEASE_SHARE). A key whose window has too few points
 * left for a request is refused locally until the window ends: a fixed window never refills early.
 */
export class LeasedLimiter implements Limiter {
  readonly #leases = new Map<string, Lease>();
  readonly #taking = new Map<string, Promise<unknown>>();
  readonly #leaseSize: number;

  constructor(private readonly shared: Limiter, budget: number, private readonly now: () => number = Date.now) {
    this.#leaseSize = Math.max(1, Math.floor(budget * LEASE_SHARE));
  }

  async consume(key: string, points: number): Promise<Charge> {
    for (;;) {
      const now = this.now();
      const lease = this.#leases.get(key);
      const live = lease !== undefined && now < lease.resetAt;
      if (live && lease.left >= points) {
        lease.left -= points;
        return { remainingPoints: lease.shared + lease.left, msBeforeNext: lease.resetAt - now };
      }
      if (live && lease.shared + lease.left < points) throw new RateLimiterRes(0, lease.resetAt - now, 0, false);
      // One lease at a time per key: concurrent requests wait for it, then charge it.
      const taking = this.#taking.get(key);
      if (taking) {
        await taking.catch(() => {});
        continue;
      }
      const promise = this.#take(key, points, live ? lease : undefined);
      this.#taking.set(key, promise);
      try {
        return await promise;
      } finally {
        this.#taking.delete(key);
      }
    }
  }

  async #take(key: string, points: number, lease: Lease | undefined): Promise<Charge> {
    const carried = lease?.left ?? 0;
    const wanted = points - carried;
    // Near the end of the window's budget, take only what this request needs.
    const size = lease && lease.shared < wanted + this.#leaseSize ? wanted : Math.max(wanted, this.#leaseSize);
    try {
      const res = await this.shared.consume(key, size);
      const next: Lease = { left: carried + size - points, shared: res.remainingPoints, resetAt: this.now() + res.msBeforeNext };
      this.#leases.set(key, next);
      if (this.#leases.size > 10_000) this.#prune();
      return { remainingPoints: next.shared + next.left, msBeforeNext: res.msBeforeNext };
    } catch (err) {
      if (err instanceof RateLimiterRes) this.#leases.set(key, { left: carried, shared: 0, resetAt: this.now() + err.msBeforeNext });
      throw err;
    }
  }

  #prune(): void {
    const now = this.now();
    for (const [k, l] of this.#leases) if (l.resetAt <= now) this.#leases.delete(k);
  }
}
