import type { FastifyBaseLogger } from "fastify";
import type { Redis } from "ioredis";
import { resourceUpdateSchema, type ResourceUpdate } from "@/core/engines/admission/resource-settings";
import { poolUpdateSchema, type PoolUpdate } from "@/core/engines/pool/policy";
import { deriveCacheKeys, encryptingSerializer } from "../cache/crypto";
import { ResilientRedisTransport } from "../cache/redis-bus";
import type { ClinicalPool } from "../db/pool";
import type { ResourceState } from "../http/resource-state";
import { SettingsBroadcast, type SettingsBroadcastRedis } from "./settings-broadcast";

/** Channel and key names (`<prefix>:<kind>:latest`) of the two settings kinds. */
export const RESOURCE_SETTINGS_KIND = "resource-settings";
export const POOL_SETTINGS_KIND = "pool-settings";

/**
 * Longest wait at start for the subscriptions. The subscriber connection queues them while Redis
 * is down and completes them when it returns (then catches up), so a start never hangs on Redis;
 * 1 s matches the cache's own wait for a connecting Redis (clinical/src/cache/setup.ts).
 */
const SUBSCRIBE_WAIT_MS = 1000;

export interface SettingsControlConfig {
  redis: Redis | null;
  /** VIGIL_CACHE_KEY: seals the updates; without it (or without Redis) settings stay per instance. */
  key?: string;
  /** The deployment's Redis namespace, as the cache and the rate limits use it. */
  prefix: string;
  log: FastifyBaseLogger;
  resources: ResourceState;
  pool: ClinicalPool;
}

/** The settings control of one instance: one broadcast per kind over one subscriber connection. */
export interface SettingsControl {
  resources: SettingsBroadcast<ResourceUpdate>;
  pool: SettingsBroadcast<PoolUpdate>;
  /** Whether updates reach the other instances (Redis and VIGIL_CACHE_KEY configured). */
  shared: boolean;
  close(): Promise<void>;
}

/**
 * Builds the broadcasts of resource and pool settings. Its own transport (a second subscriber
 * connection) rather than the cache's: the cache builds none with CLINICAL_CACHE=off, and settings
 * must reach every instance whatever the cache mode.
 */
export async function setUpSettingsControl(config: SettingsControlConfig): Promise<SettingsControl> {
  const { redis, key, prefix, log } = config;
  let broadcasts: Array<{ start(): Promise<void>; catchUp(): Promise<void> }> = [];
  const shared: SettingsBroadcastRedis | undefined = redis && key
    ? {
        client: redis,
        // Messages may have been missed while the subscriber was away: read the stored versions.
        transport: new ResilientRedisTransport(redis, prefix, () => void Promise.all(broadcasts.map((b) => b.catchUp()))),
        sealer: encryptingSerializer(deriveCacheKeys(key).encryption),
        prefix,
      }
    : undefined;
  if (redis && !key) log.warn("settings control: REDIS_URL is set but VIGIL_CACHE_KEY is not; resource and pool settings apply to the instance that receives them only");
  const resources = new SettingsBroadcast({ kind: RESOURCE_SETTINGS_KIND, schema: resourceUpdateSchema, apply: (u) => config.resources.apply(u), log, redis: shared });
  const pool = new SettingsBroadcast({ kind: POOL_SETTINGS_KIND, schema: poolUpdateSchema, apply: (u) => config.pool.apply(u), log, redis: shared });
  broadcasts = [resources, pool];
  let timer: NodeJS.Timeout | undefined;
  const bounded = new Promise<void>((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS)));
  await Promise.race([Promise.all(broadcasts.map((b) => b.start())), bounded]);
  clearTimeout(timer);
  return { resources, pool, shared: shared !== undefined, close: async () => void (await shared?.transport.disconnect()) };
}
