import { EventEmitter } from "node:events";
import { BentoCache, bentostore } from "bentocache";
import { RedisDriver } from "bentocache/drivers/redis";
import type { CacheProvider, CreateDriverResult, L2CacheDriver } from "bentocache/types";
import type { Redis } from "ioredis";
import { deriveCacheKeys, encryptingSerializer, ephemeralCacheKeys, type CacheKeys } from "./crypto";
import { sizedMemoryTier, type SizedMemoryDriver } from "./memory-tier";
import { ResilientRedisTransport, resilientRedisBus } from "./redis-bus";

export type CacheMode = "on" | "l2-only" | "off";
export type L2Status = "connected" | "down" | "not-configured" | "disabled-no-key" | "off";

/** Soft timeout (graced classes only: then the stale value is served) and hard timeout (then 503). */
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
  /** L1 (memory), plus L2 and the bus when Redis is usable. */
  tiered?: CacheProvider;
  /** L2 only: for classes whose policy forbids L1, and for the `l2-only` mode. */
  remote?: CacheProvider;
  l1?: SizedMemoryDriver;
  transport?: ResilientRedisTransport;
  /** Redis used for L2, or why there is none. */
  l2: { redis: Redis; failures: () => number } | { reason: Exclude<L2Status, "connected" | "down"> };
  close(): Promise<void>;
}

/** Redis driver counting failed writes, so an invalidation that did not reach Redis is known. */
function countingRedisDriver(redis: Redis, counter: { n: number }): CreateDriverResult<L2CacheDriver> {
  return {
    options: { connection: redis },
    factory: (config: ConstructorParameters<typeof RedisDriver>[0]) => {
      const driver = new RedisDriver(config);
      const set = driver.set.bind(driver);
      driver.set = (key, value, ttl) => set(key, value, ttl).catch((err: unknown) => (counter.n++, Promise.reject(err)));
      return driver;
    },
  };
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

  const tieredStore = bentostore({ prefix: `${opts.prefix}:t` }).useL1Layer(sizedMemoryTier((d) => (tiers.l1 = d)));
  const stores: Record<string, ReturnType<typeof bentostore>> = { tiered: tieredStore };
  if (useRedis) {
    const redis = opts.redis!;
    let dropped = false;
    redis.on("close", () => void (dropped = true));
    redis.on("ready", () => dropped && ((dropped = false), opts.onRecovered()));
    if (redis.status === "wait") redis.connect().catch(() => {});
    tiers.transport = new ResilientRedisTransport(redis, opts.onRecovered);
    tieredStore.useL2Layer(countingRedisDriver(redis, failures)).useBus(resilientRedisBus(tiers.transport));
    stores.remote = bentostore({ prefix: `${opts.prefix}:r` }).useL2Layer(countingRedisDriver(redis, failures));
  }
  const bento = new BentoCache({
    default: "tiered",
    stores,
    emitter,
    serializer: encryptingSerializer(keys.encryption),
    ttl: "5m",
    grace: false,
    timeout: SOFT_TIMEOUT_MS,
    hardTimeout: HARD_TIMEOUT_MS,
    lockTimeout: LOCK_TIMEOUT_MS,
    suppressL2Errors: true,
  });
  if (opts.mode === "on") tiers.tiered = bento.use("tiered");
  if (useRedis) tiers.remote = bento.use("remote");
  tiers.close = async () => {
    await tiers.transport?.disconnect();
    tiers.l1?.clear();
  };
  return tiers;
}

/** Where L2 stands right now (for the admin API and /health). */
export function l2Status(tiers: CacheTiers): L2Status {
  if ("reason" in tiers.l2) return tiers.l2.reason;
  return tiers.l2.redis.status === "ready" ? "connected" : "down";
}
