import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import type { RateLimitSettings } from "@/core/engines/admission/rate-limit";
import { LeasedLimiter, type Limiter } from "./leased-limiter";

export interface Buckets {
  client: Limiter;
  unknown: Limiter;
}

/**
 * One limiter per bucket. With Redis the counters are shared by every instance, charged in
 * leases (leased-limiter.ts: one Redis round trip per lease, not per request); each Redis
 * limiter has an in-memory insurance limiter that takes over (per instance) the moment Redis
 * is not ready or a command fails, so a Redis outage never becomes a 5xx.
 */
export function createBuckets(settings: RateLimitSettings, redis: Redis | null, prefix: string): Buckets {
  const make = (name: string, points: number): Limiter => {
    const opts = { points, duration: settings.windowS, keyPrefix: `${prefix}:rl:${name}` };
    const memory = new RateLimiterMemory(opts);
    return redis ? new LeasedLimiter(new RateLimiterRedis({ ...opts, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }), points) : memory;
  };
  return { client: make("client", settings.clientPoints), unknown: make("unknown", settings.unknownClientPoints) };
}
