import { EventEmitter } from "node:events";
import type { Redis } from "ioredis";
import { deriveCacheKeys, encryptingSerializer, ephemeralCacheKeys, type CacheKeys } from "./crypto";
import { InvalidationBus } from "./invalidation-bus";
import { MemoryTier } from "./memory-tier";
import { ResilientRedisTransport } from "./redis-bus";
import { RedisTier } from "./redis-tier";
import { WriteBarrier } from "./write-barrier";

export type CacheMode = "on" | "l2-only" | "off";
export type L2Status = "connected" | "down" | "not-configured" | "disabled-no-key" | "off";

/**
 * Soft timeout (graced classes only: past it, a stale value answers while the load goes on and
 * refreshes the entry) and hard timeout (then a stale value if graced, else 503).
 */
export const SOFT_TIMEOUT_MS = 200;
export const HARD_TIMEOUT_MS = 5000;

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

/** The tiers of one instance and what they are built on. */
export interface CacheTiers {
  mode: CacheMode;
  keys: CacheKeys;
  /** `cache:hit` `{ key, layer, graced }` and CLINICAL_MISS `{ key }` (cache-events.ts). */
  emitter: EventEmitter;
  /** Memory (modes `on` only; a class whose policy forbids it skips it). */
  l1?: MemoryTier;
  /** Redis, when configured with a key. */
  redisTier?: RedisTier;
  /** Carries invalidations to the other instances' memory (with Redis only). */
  bus?: InvalidationBus;
  transport?: ResilientRedisTransport;
  /** Confirms a write's invalidation reached the other instances (with Redis only). */
  barrier?: WriteBarrier;
  /** Redis used for L2, or why there is none. */
  l2: { redis: Redis; failures: () => number } | { reason: Exclude<L2Status, "connected" | "down"> };
  close(): Promise<void>;
}

/** Builds the tiers for a mode: `off` none; no Redis or no key: L1 only; else L1 (mode `on`), L2 and the bus. */
export function buildCacheTiers(opts: TierOptions): CacheTiers {
  const emitter = new EventEmitter();
  const useRedis = opts.mode !== "off" && opts.redis !== null && opts.hexKey !== undefined;
  const keys = useRedis ? deriveCacheKeys(opts.hexKey!) : ephemeralCacheKeys();
  const redisTier = useRedis ? new RedisTier(opts.redis!, encryptingSerializer(keys.encryption), opts.prefix) : undefined;
  const l2: CacheTiers["l2"] = redisTier
    ? { redis: redisTier.redis, failures: () => redisTier.failures() }
    : { reason: opts.mode === "off" ? "off" : opts.redis ? "disabled-no-key" : "not-configured" };
  const tiers: CacheTiers = { mode: opts.mode, keys, emitter, l2, redisTier, close: async () => {} };
  if (opts.mode === "off") return tiers;
  const l1 = opts.mode === "on" ? (tiers.l1 = new MemoryTier()) : undefined;
  if (redisTier) {
    const redis = redisTier.redis;
    let dropped = false;
    redis.on("close", () => void (dropped = true));
    redis.on("ready", () => dropped && ((dropped = false), opts.onRecovered()));
    if (redis.status === "wait") redis.connect().catch(() => {});
    tiers.transport = new ResilientRedisTransport(redis, opts.prefix, opts.onRecovered);
    tiers.barrier = new WriteBarrier(redis, tiers.transport.subscriber, opts.prefix);
    tiers.bus = new InvalidationBus(tiers.transport, (inv) => {
      for (const tag of inv.tags) l1?.invalidate({ tag });
      for (const dataClass of inv.classes) l1?.invalidate({ dataClass });
    });
  }
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
