import { EventEmitter } from "node:events";
import { BentoCache, bentostore } from "bentocache";
import { RedisDriver } from "bentocache/drivers/redis";
import type { CacheProvider, CreateDriverResult, L2CacheDriver } from "bentocache/types";
import type { Redis } from "ioredis";
import { CACHE_DATA_CLASSES, type CacheDataClass } from "@/core/engines/cache/policy";
import { deriveCacheKeys, encryptingSerializer, ephemeralCacheKeys, type CacheKeys } from "./crypto";
import { TAG_KEY_PREFIX } from "./keys";
import { HotEntries } from "./hot-entries";
import { MemoryTier } from "./memory-tier";
import { ResilientRedisTransport, resilientRedisBus } from "./redis-bus";
import { WriteBarrier } from "./write-barrier";

export type CacheMode = "on" | "l2-only" | "off";
export type L2Status = "connected" | "down" | "not-configured" | "disabled-no-key" | "off";

/**
 * Soft timeout (graced classes only: then the stale value is served) and hard timeout (then 503).
 * The hard timeout is ClinicalCache's own deadline on the load, not bentocache's `hardTimeout`:
 * bentocache's goes through p-timeout, which builds an Error with a stack trace for every
 * factory run whether it fires or not (3.3% of the service's CPU on the Zipf read in a profile).
 */
export const SOFT_TIMEOUT_MS = 200;
export const HARD_TIMEOUT_MS = 5000;
/**
 * Longest wait for another request's load of the same key (stampede protection). Bentocache
 * never releases a key's lock if its own code throws while holding it; this bounds that to a
 * delay (then the request reads the database directly) instead of a hang.
 */
export const LOCK_TIMEOUT_MS = HARD_TIMEOUT_MS + 1000;

export interface TierOptions {
  mode: CacheMode;
  redis: Redis | null;
  /** VIGIL_CACHE_KEY; without it Redis is never used for cached data. */
  hexKey?: string;
  /** Redis key and bus namespace prefix: instances of one deployment share it. */
  prefix: string;
  /** Called after Redis comes back from an outage (bus messages may have been missed). */
  onRecovered: () => void;
}

/** The bentocache stores of one instance and what they are built on. */
export interface CacheTiers {
  mode: CacheMode;
  keys: CacheKeys;
  emitter: EventEmitter;
  /**
   * Per data class, L1 (memory), plus L2 and the bus when Redis is usable. One store per class
   * (not bentocache namespaces, which drop the store's `serialize: false` L1 option), so a class
   * is cleared at once and an entry needs one tag only.
   */
  tiered?: Record<CacheDataClass, CacheProvider>;
  /** Per data class, L2 only: for classes whose policy forbids L1, and for the `l2-only` mode. */
  remote?: Record<CacheDataClass, CacheProvider>;
  l1?: MemoryTier;
  /** In front of L1 for this instance's own fills (mode `on` only): see hot-entries.ts. */
  hot?: HotEntries;
  transport?: ResilientRedisTransport;
  /** Confirms a write's invalidation reached the other instances (with Redis only). */
  barrier?: WriteBarrier;
  /** Redis used for L2, or why there is none. */
  l2: { redis: Redis; failures: () => number } | { reason: Exclude<L2Status, "connected" | "down"> };
  close(): Promise<void>;
}

/**
 * Redis driver counting failed writes and clears, so an invalidation that did not reach Redis is
 * known, and whose reads never throw. Bentocache's tag checks run with their own options (not
 * the store's `suppressL2Errors`) and, in a store without L1, rethrow an L2 error while holding a
 * lock that has no timeout: the patient's reads would then hang for good once Redis failed once.
 * So a failed read, or a tag value that does not decrypt, reads as absent (a miss).
 */
class CountingRedisDriver extends RedisDriver {
  constructor(config: ConstructorParameters<typeof RedisDriver>[0], private readonly counter: { n: number }, private readonly verify: (raw: string) => void) {
    super(config);
  }

  override async get(key: string): Promise<string | undefined> {
    try {
      const value = await super.get(key);
      if (value !== undefined && key.startsWith(TAG_KEY_PREFIX)) this.verify(value);
      return value;
    } catch {
      return undefined;
    }
  }

  #count<T>(p: Promise<T>): Promise<T> {
    return p.catch((err: unknown) => (this.counter.n++, Promise.reject(err)));
  }

  override set(key: string, value: string, ttl?: number) {
    return this.#count(super.set(key, value, ttl));
  }

  override clear() {
    return this.#count(super.clear());
  }
}

function countingRedisDriver(redis: Redis, counter: { n: number }, verify: (raw: string) => void): CreateDriverResult<L2CacheDriver> {
  return { options: { connection: redis }, factory: (config: ConstructorParameters<typeof RedisDriver>[0]) => new CountingRedisDriver(config, counter, verify) };
}

/** What a bentocache bus message carries that matters here: the keys it names, in which store. */
interface BusPayload {
  keys?: unknown;
  namespace?: unknown;
}

/** A tag another instance invalidated is read from Redis for a while (see TAG_QUARANTINE_MS). */
function quarantineInvalidatedTags(l1: MemoryTier, payload: unknown): void {
  const p = payload as BusPayload;
  if (typeof p?.namespace !== "string" || !Array.isArray(p.keys)) return;
  for (const key of p.keys) if (typeof key === "string" && key.startsWith(TAG_KEY_PREFIX)) l1.quarantine(`${p.namespace}:${key}`);
}

/** Builds the stores for a mode: `off` none; no Redis or no key: L1 only; else L1+L2+bus and L2-only. */
export function buildCacheTiers(opts: TierOptions): CacheTiers {
  const emitter = new EventEmitter();
  const useRedis = opts.mode !== "off" && opts.redis !== null && opts.hexKey !== undefined;
  const keys = useRedis ? deriveCacheKeys(opts.hexKey!) : ephemeralCacheKeys();
  const failures = { n: 0 };
  const l2: CacheTiers["l2"] = useRedis
    ? { redis: opts.redis!, failures: () => failures.n }
    : { reason: opts.mode === "off" ? "off" : opts.redis ? "disabled-no-key" : "not-configured" };
  const tiers: CacheTiers = { mode: opts.mode, keys, emitter, l2, close: async () => {} };
  if (opts.mode === "off") return tiers;

  const serializer = encryptingSerializer(keys.encryption);
  const l1 = (tiers.l1 = new MemoryTier());
  const hot = opts.mode === "on" ? (tiers.hot = new HotEntries()) : undefined;
  const l1Driver = l1.driver((raw) => serializer.deserialize(raw));
  const verify = (raw: string) => void serializer.deserialize(raw);
  const stores: Record<string, ReturnType<typeof bentostore>> = {};
  for (const c of CACHE_DATA_CLASSES) stores[`tiered:${c}`] = bentostore({ prefix: `${opts.prefix}:t:${c}` }).useL1Layer(l1Driver);
  if (useRedis) {
    const redis = opts.redis!;
    let dropped = false;
    redis.on("close", () => void (dropped = true));
    redis.on("ready", () => dropped && ((dropped = false), opts.onRecovered()));
    if (redis.status === "wait") redis.connect().catch(() => {});
    tiers.transport = new ResilientRedisTransport(redis, opts.prefix, opts.onRecovered);
    tiers.barrier = new WriteBarrier(redis, tiers.transport.subscriber, opts.prefix);
    // Fills never go over the bus (skipBusNotify), so any message is another instance's invalidation.
    tiers.transport.observe((payload) => (hot?.invalidate(), quarantineInvalidatedTags(l1, payload)));
    for (const c of CACHE_DATA_CLASSES) {
      stores[`tiered:${c}`]!.useL2Layer(countingRedisDriver(redis, failures, verify)).useBus(resilientRedisBus(tiers.transport));
      stores[`remote:${c}`] = bentostore({ prefix: `${opts.prefix}:r:${c}` }).useL2Layer(countingRedisDriver(redis, failures, verify));
    }
  }
  const bento = new BentoCache({
    default: `tiered:${CACHE_DATA_CLASSES[0]}`,
    stores,
    emitter,
    serializer,
    ttl: "5m",
    grace: false,
    timeout: SOFT_TIMEOUT_MS,
    lockTimeout: LOCK_TIMEOUT_MS,
    suppressL2Errors: true,
  });
  const perClass = (kind: string) => Object.fromEntries(CACHE_DATA_CLASSES.map((c) => [c, bento.use(`${kind}:${c}`)])) as Record<CacheDataClass, CacheProvider>;
  if (opts.mode === "on") tiers.tiered = perClass("tiered");
  if (useRedis) tiers.remote = perClass("remote");
  tiers.close = async () => {
    await tiers.transport?.disconnect();
    tiers.hot?.invalidate();
    tiers.l1?.clear();
  };
  return tiers;
}

/** Where L2 stands right now (for the admin API and /health). */
export function l2Status(tiers: CacheTiers): L2Status {
  if ("reason" in tiers.l2) return tiers.l2.reason;
  return tiers.l2.redis.status === "ready" ? "connected" : "down";
}
