import { errors } from "bentocache";
import type { CacheProvider, GetSetFactoryContext } from "bentocache/types";
import type { FastifyBaseLogger } from "fastify";
import { CACHE_DATA_CLASSES, type CacheDataClass } from "@/core/engines/cache/policy";
import { ClinicalError } from "../errors";
import { CLINICAL_MISS } from "./cache-events";
import { pseudonymiser } from "./crypto";
import type { HotEntries } from "./hot-entries";
import { entryName, patientTag, TAG_KEY_PREFIX } from "./keys";
import type { PolicyState } from "./policy-state";
import { HARD_TIMEOUT_MS, l2Status, type CacheTiers, type L2Status } from "./tiers";

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

/** What is stored: the value and the key it was stored under (checked on every read). */
interface Envelope<T> {
  k: string;
  v: T;
}

const TAG_KEY = (tag: string) => `${TAG_KEY_PREFIX}${tag}`;
/**
 * A load that started before (or up to this long after, allowing for clock skew between
 * instances) an invalidation of its tags is served but not stored: it may hold pre-write data.
 */
const INVALIDATION_SKEW_MS = 100;

/** Pseudonyms remembered (an HMAC per request otherwise); the map is dropped when full. */
const PSEUDONYM_MEMO = 50_000;

/** One invalidation: a class's entries for one patient, or (patient undefined) the whole class. */
interface Invalidation {
  dataClass: CacheDataClass;
  pseudonym?: string;
}

/** Cache state for /health and the admin API. */
export interface CacheStatus {
  mode: CacheTiers["mode"];
  l1: boolean;
  l2: L2Status;
}

/**
 * The clinical read-through cache: L1 memory, L2 Redis (encrypted), L3 the database via `load`.
 * Correctness rules: a value is only ever returned for the key (patient, class, query) it was
 * stored under; client errors (404, 422) and oversized values are never stored; a load that
 * raced with an invalidation is not stored; and any failure of the cache itself falls back to
 * the database rather than failing the request.
 */
export class ClinicalCache {
  readonly #hmac: (patientId: string) => string;
  readonly #pseudonyms = new Map<string, string>();
  /** Invalidations Redis missed, replayed when it is back (keyed for de-duplication). */
  readonly #pending = new Map<string, Invalidation>();

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

  /** The class's store in the tiered (L1+L2) or remote (L2 only) stores, if those exist. */
  #store(which: "tiered" | "remote", dataClass: CacheDataClass): CacheProvider | undefined {
    return this.tiers[which]?.[dataClass];
  }

  /** The store a read of this class goes through, if any (none: the cache is off). */
  #storeFor(dataClass: CacheDataClass): CacheProvider | undefined {
    return this.#store(this.tiers.mode === "on" && this.policies.of(dataClass).l1 ? "tiered" : "remote", dataClass);
  }

  /** Whether `read` of this class goes through a cache (false: it calls `load` directly). */
  caches(dataClass: CacheDataClass): boolean {
    return this.#storeFor(dataClass) !== undefined;
  }

  /** Reads one patient's data of one class through the cache; `variant` is the normalized query. */
  async read<T>(dataClass: CacheDataClass, patientId: string, variant: string, load: () => Promise<T>): Promise<T> {
    const policy = this.policies.of(dataClass);
    const store = this.#storeFor(dataClass);
    if (!store) return load();
    const name = entryName(dataClass, this.#pseudonym(patientId), variant);
    // The hot index fronts L1 only: never for a class whose policy keeps it out of memory.
    const hot = store === this.#store("tiered", dataClass) ? this.tiers.hot : undefined;
    const policyVersion = this.policies.current.version;
    const now = Date.now();
    const fresh = hot?.get(name.key, policyVersion, now);
    if (fresh) {
      this.tiers.emitter.emit("cache:hit", { key: name.key, layer: "l1" });
      return fresh.value as T;
    }
    const generation = hot?.generation ?? 0;
    let direct: { value: T } | { error: unknown } | undefined;
    const factory = async (ctx: GetSetFactoryContext) => {
      const started = Date.now();
      // A fill from the database needs no bus message: other instances' copies of this key are
      // either the same data or already invalidated through the patient's tag by the write that
      // changed it. (Bentocache would otherwise make every other instance drop its copy.)
      ctx.setOptions({ skipBusNotify: true });
      this.tiers.emitter.emit(CLINICAL_MISS, { key: name.key });
      try {
        const value = await withDeadline(load());
        const n = Buffer.byteLength(JSON.stringify(value));
        if (n <= policy.maxEntryBytes && !(await this.#invalidatedSince(store, name.tags, started))) return { k: name.key, v: value };
        direct = { value };
      } catch (error) {
        if (!(error instanceof ClinicalError)) throw error; // database trouble: grace may apply
        direct = { error };
      }
      return ctx.skip();
    };
    let entry: Envelope<T> | undefined;
    try {
      entry = await store.getOrSet<Envelope<T> | undefined>({
        key: name.key,
        tags: name.tags,
        factory,
        ttl: policy.ttlS * 1000,
        grace: policy.graceS > 0 ? policy.graceS * 1000 : false,
      });
    } catch (err) {
      if (err instanceof errors.E_FACTORY_ERROR) {
        if (err.cause instanceof LoadTimedOut) throw new ClinicalError("UNAVAILABLE", "The clinical database did not answer in time; retry shortly.");
        throw err.cause;
      }
      this.log.warn({ err: { type: (err as Error)?.name }, dataClass }, "cache failed; reading the database directly");
      return load();
    }
    if (direct) {
      if ("error" in direct) throw direct.error;
      return direct.value;
    }
    if (entry?.k !== name.key) {
      this.log.error({ dataClass }, "cache entry failed its key check; discarded");
      await store.delete({ key: name.key }).catch(() => {});
      return load();
    }
    if (hot) this.#keepHot(hot, name.key, entry, policyVersion, generation);
    return entry.v;
  }

  /** A value L1 holds (filled here or copied up from L2) is served from the hot index until L1's expiration. */
  #keepHot(hot: HotEntries, key: string, entry: Envelope<unknown>, policyVersion: number, generation: number): void {
    const until = this.tiers.l1?.expiryOf(entry);
    if (until === undefined || until <= Date.now()) return; // not from L1, or served stale under grace
    hot.set(key, entry.v, JSON.stringify(entry.v).length, until, policyVersion, generation);
  }

  /**
   * Invalidates a patient's class, a whole patient (every class), or a whole class, on every tier
   * and instance (bentocache's bus carries it to the other instances' L1; for a patient, a write
   * barrier waits until they confirm).
   */
  async invalidate(target: { dataClass?: CacheDataClass; patientId?: string }): Promise<void> {
    if (!target.dataClass && !target.patientId) return;
    this.tiers.hot?.invalidate();
    const pseudonym = target.patientId ? this.#pseudonym(target.patientId) : undefined;
    await this.#apply((target.dataClass ? [target.dataClass] : CACHE_DATA_CLASSES).map((dataClass) => ({ dataClass, pseudonym })));
    // A patient's invalidation follows a write: it must reach every instance before the write returns.
    const { barrier, l2 } = this.tiers;
    if (pseudonym && barrier && "redis" in l2 && l2.redis.status === "ready" && !(await barrier.wait())) {
      this.log.warn("cache: not every instance confirmed an invalidation in time; they drop their memory copies when the bus message arrives");
    }
  }

  /** After a Redis outage: drop L1 (bus messages may have been missed) and replay missed invalidations. */
  async recover(): Promise<void> {
    this.tiers.hot?.invalidate();
    this.tiers.l1?.clear();
    const missed = [...this.#pending.values()];
    this.#pending.clear();
    await this.#apply(missed);
  }

  async #apply(invalidations: Invalidation[]): Promise<void> {
    if (!invalidations.length) return;
    const before = "redis" in this.tiers.l2 ? this.tiers.l2.failures() : 0;
    for (const { dataClass, pseudonym } of invalidations) {
      for (const which of ["tiered", "remote"] as const) {
        const store = this.#store(which, dataClass);
        if (!store) continue;
        await (pseudonym ? store.deleteByTag({ tags: [patientTag(pseudonym)] }) : store.clear()).catch(() => {});
      }
    }
    if ("redis" in this.tiers.l2 && (this.tiers.l2.failures() > before || this.tiers.l2.redis.status !== "ready")) {
      for (const inv of invalidations) this.#pending.set(`${inv.dataClass}|${inv.pseudonym ?? "*"}`, inv); // replayed when Redis is back
    }
  }

  /** Mode and tiers, for /health and GET /admin/cache/policies. */
  status(): CacheStatus {
    return { mode: this.tiers.mode, l1: this.tiers.mode === "on", l2: l2Status(this.tiers) };
  }

  /**
   * Reads the tags' last invalidation times as bentocache's own tag check does (same TTL, grace
   * and fallback), so the read also leaves the tag in memory and the entry's next hit checks it
   * without a Redis round trip.
   */
  async #invalidatedSince(store: CacheProvider, tags: string[], startedMs: number): Promise<boolean> {
    const read = (tag: string) =>
      store.getOrSet<number>({
        key: TAG_KEY(tag),
        ttl: "10d",
        grace: "10d",
        factory: (ctx) => {
          const stamp = (ctx.gracedEntry?.value as number | undefined) ?? 0;
          if (stamp === 0) ctx.setOptions({ skipBusNotify: true, skipL2Write: true }); // never invalidated: memory only
          return stamp;
        },
      });
    const stamps = await Promise.all(tags.map((t) => read(t).catch(() => undefined)));
    return stamps.some((ts) => typeof ts === "number" && ts > startedMs - INVALIDATION_SKEW_MS);
  }
}
