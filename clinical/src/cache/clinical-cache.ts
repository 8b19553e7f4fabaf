import type { FastifyBaseLogger } from "fastify";
import { CACHE_DATA_CLASSES, type CacheDataClass, type CachePolicy } from "@/core/engines/cache/policy";
import { ClinicalError } from "../errors";
import { CLINICAL_MISS } from "./cache-events";
import { pseudonymiser } from "./crypto";
import { entryName, type EntryName } from "./keys";
import { deepFreeze, type MemoryTier } from "./memory-tier";
import type { PolicyState } from "./policy-state";
import type { RedisTier } from "./redis-tier";
import { HARD_TIMEOUT_MS, SOFT_TIMEOUT_MS, l2Status, type CacheTiers, type L2Status } from "./tiers";

/** A load ran past HARD_TIMEOUT_MS: like database trouble, a graced value may answer; otherwise 503. */
class LoadTimedOut extends Error {}

/** The load, or LoadTimedOut once it has taken HARD_TIMEOUT_MS (an Error is built only then). */
function withDeadline<T>(load: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LoadTimedOut()), HARD_TIMEOUT_MS);
  });
  return Promise.race([load, deadline]).finally(() => clearTimeout(timer));
}

const SOFT = Symbol("soft timeout");

/** The work, or SOFT once SOFT_TIMEOUT_MS has passed (the work goes on). */
function withSoftTimeout<T>(work: Promise<T>): Promise<T | typeof SOFT> {
  let timer: NodeJS.Timeout | undefined;
  const soft = new Promise<typeof SOFT>((resolve) => (timer = setTimeout(() => resolve(SOFT), SOFT_TIMEOUT_MS)));
  return Promise.race([work, soft]).finally(() => clearTimeout(timer));
}

/**
 * An entry in Redis counts only if it was read from the database at least this long after the
 * last invalidation of its patient's class (allowing for clock skew between instances): a load
 * that started before, or just after, an invalidation is served but never trusted later.
 */
const INVALIDATION_SKEW_MS = 100;

/** Pseudonyms remembered (an HMAC per request otherwise); the map is dropped when full. */
const PSEUDONYM_MEMO = 50_000;

/** One invalidation: a class's entries for one patient, or (patient undefined) the whole class. */
interface Invalidation {
  dataClass: CacheDataClass;
  pseudonym?: string;
}

/** A value that may answer past its freshness, only when the database fails or is slow (grace). */
interface Stale {
  value: unknown;
}

/** How a fill ended: from Redis, from the database, or stale under grace. */
interface Filled {
  value: unknown;
  layer: "l2" | "db" | "graced";
}

/** Database trouble (not a client error such as 404 or 422): grace may answer for it. */
const graceable = (err: unknown) => !(err instanceof ClinicalError);

/** Cache state for /health and the admin API. */
export interface CacheStatus {
  mode: CacheTiers["mode"];
  l1: boolean;
  l2: L2Status;
}

/**
 * The clinical read-through cache: L1 memory, L2 Redis (encrypted), the database via `load`.
 *
 * A hit in memory is one map lookup. A read that misses memory costs one Redis round trip (the
 * entry and the stamps that can invalidate it, in one MGET); a miss there loads once per key
 * however many requests ask at the same time, and stores with one SET.
 *
 * Correctness rules: a value is only ever returned for the key (patient, class, query) it was
 * stored under; client errors (404, 422) and oversized values are never stored; a load that
 * raced with an invalidation is served but never trusted afterwards; and any failure of the
 * cache itself falls back to the database rather than failing the request.
 */
export class ClinicalCache {
  readonly #hmac: (patientId: string) => string;
  readonly #pseudonyms = new Map<string, string>();
  /** Invalidations Redis missed, replayed when it is back (keyed for de-duplication). */
  readonly #pending = new Map<string, Invalidation>();
  /** Fills in progress, by key: concurrent reads of one key share one (stampede protection). */
  readonly #flights = new Map<string, Promise<Filled>>();

  constructor(private readonly tiers: CacheTiers, private readonly policies: PolicyState, private readonly log: FastifyBaseLogger) {
    this.#hmac = pseudonymiser(tiers.keys.naming);
  }

  #pseudonym(patientId: string): string {
    let p = this.#pseudonyms.get(patientId);
    if (p === undefined) {
      if (this.#pseudonyms.size >= PSEUDONYM_MEMO) this.#pseudonyms.clear();
      this.#pseudonyms.set(patientId, (p = this.#hmac(patientId)));
    }
    return p;
  }

  /** Memory for this class, unless the mode or the class's policy keeps it out. */
  #l1(policy: CachePolicy): MemoryTier | undefined {
    return this.tiers.mode === "on" && policy.l1 ? this.tiers.l1 : undefined;
  }

  /** Whether `read` of this class goes through a cache (false: it calls `load` directly). */
  caches(dataClass: CacheDataClass): boolean {
    return this.#l1(this.policies.of(dataClass)) !== undefined || this.tiers.redisTier !== undefined;
  }

  #hit(key: string, layer: "l1" | "l2", graced = false): void {
    this.tiers.emitter.emit("cache:hit", { key, layer, graced });
  }

  /** Reads one patient's data of one class through the cache; `variant` is the normalized query. */
  async read<T>(dataClass: CacheDataClass, patientId: string, variant: string, load: () => Promise<T>): Promise<T> {
    const policy = this.policies.of(dataClass);
    const l1 = this.#l1(policy);
    const l2 = this.tiers.redisTier;
    if (!l1 && !l2) return load();
    const name = entryName(dataClass, this.#pseudonym(patientId), variant);
    let stale: Stale | undefined;
    if (l1) {
      const e = l1.get(name.key);
      if (e) {
        const now = Date.now();
        if (e.freshUntil > now) {
          this.#hit(name.key, "l1");
          return e.value as T;
        }
        if (e.staleUntil > now && policy.graceS > 0) stale = { value: e.value };
      }
    }
    let flight = this.#flights.get(name.key);
    const joined = flight !== undefined;
    if (!flight) {
      const started = (flight = this.#fill(name, policy, l1, l2, load));
      this.#flights.set(name.key, started);
      const done = () => void (this.#flights.get(name.key) === started && this.#flights.delete(name.key));
      started.then(done, done);
    }
    const layer = l1 ? "l1" : "l2";
    try {
      const filled = stale ? await withSoftTimeout(flight) : await flight;
      if (filled === SOFT) {
        this.#hit(name.key, layer, true);
        return stale!.value as T;
      }
      // A read that waited for another's fill did not go to the database itself: a hit.
      if (joined || filled.layer === "graced") this.#hit(name.key, layer, filled.layer === "graced");
      return filled.value as T;
    } catch (err) {
      if (stale && graceable(err)) {
        this.#hit(name.key, layer, true);
        return stale.value as T;
      }
      if (err instanceof LoadTimedOut) throw new ClinicalError("UNAVAILABLE", "The clinical database did not answer in time; retry shortly.");
      throw err;
    }
  }

  /** Redis, then the database; keeps what it read in memory and (from the database) in Redis. */
  async #fill(name: EntryName, policy: CachePolicy, l1: MemoryTier | undefined, l2: RedisTier | undefined, load: () => Promise<unknown>): Promise<Filled> {
    const readAt = Date.now();
    let stale: Stale | undefined;
    const found = await l2?.read(name);
    if (found?.keyMismatch) {
      this.log.error({ dataClass: name.dataClass }, "cache entry failed its key check; discarded");
      void l2!.delete(name);
    } else if (found?.entry && found.entry.c > found.invalidatedAt) {
      const { entry } = found;
      const now = Date.now();
      if (entry.f > now) {
        l1?.set(name.key, { value: entry.v, freshUntil: entry.f, staleUntil: entry.s, tag: name.tag, dataClass: name.dataClass, readAt, bytes: found.bytes });
        this.#hit(name.key, "l2");
        return { value: deepFreeze(entry.v), layer: "l2" };
      }
      if (entry.s > now && policy.graceS > 0) stale = { value: deepFreeze(entry.v) };
    }
    this.tiers.emitter.emit(CLINICAL_MISS, { key: name.key });
    const loading = this.#loadAndStore(name, policy, l1, l2, load, readAt);
    if (!stale) return { value: await loading, layer: "db" };
    try {
      const value = await withSoftTimeout(loading);
      if (value !== SOFT) return { value, layer: "db" };
      loading.catch(() => {}); // it refreshes the entry when it completes
    } catch (err) {
      if (!graceable(err)) throw err;
    }
    return { value: stale.value, layer: "graced" }; // counted by the readers
  }

  async #loadAndStore(name: EntryName, policy: CachePolicy, l1: MemoryTier | undefined, l2: RedisTier | undefined, load: () => Promise<unknown>, readAt: number): Promise<unknown> {
    const value = deepFreeze(await withDeadline(load()));
    const json = JSON.stringify(value);
    if (json === undefined || Buffer.byteLength(json) > policy.maxEntryBytes) return value;
    const freshUntil = Date.now() + policy.ttlS * 1000;
    const staleUntil = freshUntil + policy.graceS * 1000;
    l1?.set(name.key, { value, freshUntil, staleUntil, tag: name.tag, dataClass: name.dataClass, readAt, bytes: json.length });
    void l2?.write(name, json, { c: readAt - INVALIDATION_SKEW_MS, f: freshUntil, s: staleUntil });
    return value;
  }

  /**
   * Invalidates a patient's class, a whole patient (every class), or a whole class, on every tier
   * and instance (the bus carries it to the other instances' memory; for a patient, a write
   * barrier waits until they confirm).
   */
  async invalidate(target: { dataClass?: CacheDataClass; patientId?: string }): Promise<void> {
    if (!target.dataClass && !target.patientId) return;
    const pseudonym = target.patientId ? this.#pseudonym(target.patientId) : undefined;
    await this.#apply((target.dataClass ? [target.dataClass] : CACHE_DATA_CLASSES).map((dataClass) => ({ dataClass, pseudonym })));
    // A patient's invalidation follows a write: it must reach every instance before the write returns.
    const { barrier, redisTier } = this.tiers;
    if (pseudonym && barrier && redisTier?.ready && !(await barrier.wait())) {
      this.log.warn("cache: not every instance confirmed an invalidation in time; they drop their memory copies when the bus message arrives");
    }
  }

  /** After a Redis outage: drop L1 (bus messages may have been missed) and replay missed invalidations. */
  async recover(): Promise<void> {
    this.tiers.l1?.clear();
    const missed = [...this.#pending.values()];
    this.#pending.clear();
    await this.#apply(missed);
  }

  async #apply(invalidations: Invalidation[]): Promise<void> {
    if (!invalidations.length) return;
    const tags: string[] = [];
    const classes: CacheDataClass[] = [];
    for (const { dataClass, pseudonym } of invalidations) {
      if (pseudonym) tags.push(entryName(dataClass, pseudonym, "").tag);
      else classes.push(dataClass);
    }
    const l1 = this.tiers.l1;
    for (const tag of tags) l1?.invalidate({ tag });
    for (const dataClass of classes) l1?.invalidate({ dataClass });
    const { redisTier, bus } = this.tiers;
    if (!redisTier) return;
    const stamped = await redisTier.stamp({ tags, classes }, Date.now());
    const told = stamped && (await bus?.publish({ tags, classes })) !== false;
    if (!stamped || !told) {
      for (const inv of invalidations) this.#pending.set(`${inv.dataClass}|${inv.pseudonym ?? "*"}`, inv); // replayed when Redis is back
    }
  }

  /** Mode and tiers, for /health and GET /admin/cache/policies. */
  status(): CacheStatus {
    return { mode: this.tiers.mode, l1: this.tiers.mode === "on", l2: l2Status(this.tiers) };
  }
}
