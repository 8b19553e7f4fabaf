import type { FastifyBaseLogger } from "fastify";
import type { Redis } from "ioredis";
import type { ClinicalMetrics } from "../metrics/registry";
import { countCacheEvents } from "./cache-events";
import { ClinicalCache } from "./clinical-cache";
import { encryptingSerializer } from "./crypto";
import { PolicyControl } from "./policy-control";
import { PolicyState } from "./policy-state";
import { buildCacheTiers, type CacheMode } from "./tiers";

/** Cache settings (from CLINICAL_CACHE, VIGIL_CACHE_KEY, CLINICAL_ADMIN_SECRET). */
export interface CacheConfig {
  /** Default `on`. */
  mode?: CacheMode;
  /** VIGIL_CACHE_KEY (64 hex); without it Redis holds no cached data (L1 only). */
  key?: string;
  /** CLINICAL_ADMIN_SECRET; without it the admin routes answer 503. */
  adminSecret?: string;
  /** Redis namespace shared by the instances of one deployment; default `vigil:clinical`. */
  prefix?: string;
}

/** The caching parts of one app instance. */
export interface ClinicalCaching {
  cache: ClinicalCache;
  policies: PolicyState;
  control: PolicyControl;
  close(): Promise<void>;
}

/** Gives a connecting Redis a moment, so an instance starts with L2 in use (it is optional: never fails). */
function waitForReady(redis: Redis, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => (clearTimeout(timer), redis.off("ready", done), resolve());
    const timer = setTimeout(done, ms);
    redis.once("ready", done);
  });
}

/** Builds the tiers, the cache, policy control and metrics; says why a tier is off. */
export async function setUpCaching(config: CacheConfig, redis: Redis | null, log: FastifyBaseLogger, metrics: ClinicalMetrics): Promise<ClinicalCaching> {
  const prefix = config.prefix ?? "vigil:clinical";
  const policies = new PolicyState();
  let recovered = () => {};
  const tiers = buildCacheTiers({ mode: config.mode ?? "on", redis, hexKey: config.key, prefix, onRecovered: () => recovered() });
  const cache = new ClinicalCache(tiers, policies, log);
  const l2 = "redis" in tiers.l2 ? tiers.l2 : null;
  const control = new PolicyControl({
    state: policies,
    cache,
    log,
    redis: l2 && tiers.transport ? { client: l2.redis, transport: tiers.transport, sealer: encryptingSerializer(tiers.keys.encryption), prefix } : undefined,
  });
  recovered = () => {
    log.warn("cache: Redis is back; dropping L1 and replaying missed invalidations");
    void cache.recover().then(() => control.catchUp());
  };
  if (l2 && l2.redis.status !== "ready") await waitForReady(l2.redis, 1000);
  countCacheEvents(tiers.emitter, metrics);
  metrics.cacheUsage.source = () => tiers.l1?.usage() ?? null;
  const status = cache.status();
  if (status.l2 === "disabled-no-key") log.warn("cache: REDIS_URL is set but VIGIL_CACHE_KEY is not; L2 disabled (PHI never goes to Redis unencrypted), L1 only");
  log.info({ cache: status }, "cache tiers");
  await control.start();
  return { cache, policies, control, close: tiers.close };
}
