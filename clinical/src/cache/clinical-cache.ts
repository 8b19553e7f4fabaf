import { errors } from "bentocache";
import type { CacheProvider, GetSetFactoryContext } from "bentocache/types";
import type { FastifyBaseLogger } from "fastify";
import type { CacheDataClass } from "../../../lib/engines/cache/policy";
import { ClinicalError } from "../errors";
import { pseudonymiser } from "./crypto";
import { entryName, invalidationTags } from "./keys";
import type { PolicyState } from "./policy-state";
import { l2Status, type CacheTiers, type L2Status } from "./tiers";

/** What is stored: the value and the key it was stored under (checked on every read). */
interface Envelope<T> {
  k: string;
  v: T;
}

/** Bentocache's tag bookkeeping key (bentocache 1.6): its value is the tag's last invalidation time. */
const TAG_KEY = (tag: string) => `___bc:t:${tag}`;
/**
 * A load that started before (or up to this long after, allowing for clock skew between
 * instances) an invalidation of its tags is served but not stored: it may hold pre-write data.
 */
const INVALIDATION_SKEW_MS = 100;

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
  readonly #pseudonym: (patientId: string) => string;
  readonly #pending = new Set<string>();

  constructor(private readonly tiers: CacheTiers, private readonly policies: PolicyState, private readonly log: FastifyBaseLogger) {
    this.#pseudonym = pseudonymiser(tiers.keys.naming);
  }

  /** Reads one patient's data of one class through the cache; `variant` is the normalized query. */
  async read<T>(dataClass: CacheDataClass, patientId: string, variant: string, load: () => Promise<T>): Promise<T> {
    const policy = this.policies.of(dataClass);
    const store = this.tiers.mode === "on" && policy.l1 ? this.tiers.tiered : this.tiers.remote;
    if (!store) return load();
    const name = entryName(dataClass, this.#pseudonym(patientId), variant);
    let direct: { value: T } | { error: unknown } | undefined;
    const factory = async (ctx: GetSetFactoryContext) => {
      const started = Date.now();
      try {
        const value = await load();
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
      if (err instanceof errors.E_FACTORY_ERROR) throw err.cause;
      if (err instanceof errors.E_FACTORY_HARD_TIMEOUT) throw new ClinicalError("UNAVAILABLE", "The clinical database did not answer in time; retry shortly.");
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
    return entry.v;
  }

  /** Invalidates a patient's class, a whole patient, or a whole class, on every tier and instance. */
  async invalidate(target: { dataClass?: CacheDataClass; patientId?: string }): Promise<string[]> {
    const tags = invalidationTags({ dataClass: target.dataClass, pseudonym: target.patientId ? this.#pseudonym(target.patientId) : undefined });
    if (!tags.length) return tags;
    const before = "redis" in this.tiers.l2 ? this.tiers.l2.failures() : 0;
    for (const store of [this.tiers.tiered, this.tiers.remote]) await store?.deleteByTag({ tags }).catch(() => {});
    if ("redis" in this.tiers.l2 && (this.tiers.l2.failures() > before || this.tiers.l2.redis.status !== "ready")) {
      for (const t of tags) this.#pending.add(t); // Redis missed it: replayed when it is back
    }
    return tags;
  }

  /** After a Redis outage: drop L1 (bus messages may have been missed) and replay missed invalidations. */
  async recover(): Promise<void> {
    this.tiers.l1?.clear();
    const tags = [...this.#pending];
    this.#pending.clear();
    const before = "redis" in this.tiers.l2 ? this.tiers.l2.failures() : 0;
    for (const store of [this.tiers.tiered, this.tiers.remote]) if (tags.length) await store?.deleteByTag({ tags }).catch(() => {});
    if ("redis" in this.tiers.l2 && this.tiers.l2.failures() > before) for (const t of tags) this.#pending.add(t);
  }

  /** Mode and tiers, for /health and GET /admin/cache/policies. */
  status(): CacheStatus {
    return { mode: this.tiers.mode, l1: this.tiers.mode === "on", l2: l2Status(this.tiers) };
  }

  async #invalidatedSince(store: CacheProvider, tags: string[], startedMs: number): Promise<boolean> {
    const stamps = await Promise.all(tags.map((t) => store.get<number>({ key: TAG_KEY(t) }).catch(() => undefined)));
    return stamps.some((ts) => typeof ts === "number" && ts > startedMs - INVALIDATION_SKEW_MS);
  }
}
