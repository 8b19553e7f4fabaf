import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimitSettings } from "@/core/engines/admission/rate-limit";

export interface Buckets {
  client: RateLimiterAbstract;
  unknown: RateLimiterAbstract;
}

/**
 * One limiter per bucket. With Redis the counters are shared by every instance; each Redis
 * limiter has an in-memory insurance limiter that takes over (per instance) the moment Redis
 * is not ready or a command fails, so a Redis outage never becomes a 5xx.
 */
export function createBuckets(settings: RateLimitSettings, redis: Redis | null, prefix: string): Buckets {
  const make = (name: string, points: number): RateLimiterAbstract => {
    const opts = { points, duration: settings.windowS, keyPrefix: `${prefix}:rl:${name}` };
    const memory = new RateLimiterMemory(opts);
    return redis ? new RateLimiterRedis({ ...opts, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory;
  };
  return { client: make("client", settings.clientPoints), unknown: make("unknown", settings.unknownClientPoints) };
}
