import { randomBytes, randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { adminHeaders } from "@/core/engines/cache/signature";
import { CLINICAL_REDIS_OPTIONS } from "../src/redis-options";
import { serviceGate, testRedisUrl } from "../../test/support/services";
import { buildTestClinicalApp } from "./auth-support";
import type { ResourcesConfig } from "../src/http/resources";
import { DEFAULT_ADMISSION_SETTINGS } from "@/core/engines/admission/defaults";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "@/core/engines/admission/rate-limit";
import type { CacheConfig } from "../src/cache/setup";
import type { ClinicalDb } from "../src/db/query";
import { syntheticPatients } from "../src/seed/synthetic-patients";
import { FIXTURE } from "./fixture";
import { capturedLogger } from "./support";

/** Runs the Redis-backed cache suites; with VIGIL_REQUIRE_ALL=1 a missing Redis fails them. */
export const hasRedis = () => serviceGate("Redis", Boolean(testRedisUrl()), "set REDIS_URL to run the cache tests against a real Redis");

export const ADMIN_SECRET = "test-admin-secret-with-at-least-32-characters";
/** A fresh cache key and Redis namespace per suite, so suites never see each other's entries. */
export const newCacheKey = () => randomBytes(32).toString("hex");
export const newPrefix = () => `vigil:test:${randomUUID().slice(0, 8)}`;

export const patients = () => [...syntheticPatients(FIXTURE.patients, FIXTURE.seed)];

/** An app with the cache configured; `redisUrl: null` for no Redis. Close with `close()`. */
export async function cacheApp(db: ClinicalDb, opts: { redisUrl?: string | null; cache?: CacheConfig; resources?: ResourcesConfig } = {}) {
  const url = opts.redisUrl === undefined ? testRedisUrl() : opts.redisUrl;
  const redis = url ? new Redis(url, CLINICAL_REDIS_OPTIONS) : null;
  redis?.on("error", () => {});
  const log = capturedLogger();
  const app = await buildTestClinicalApp({ db, redis, logger: log.logger, resources: opts.resources ?? { admission: { ...DEFAULT_ADMISSION_SETTINGS, enabled: false }, rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false } }, cache: { adminSecret: ADMIN_SECRET, ...opts.cache } });
  return {
    app,
    redis,
    log,
    close: async () => {
      await app.close();
      redis?.disconnect();
    },
  };
}

/** A signed admin call. */
export function admin(app: FastifyInstance, method: "GET" | "PUT" | "POST", path: string, body?: unknown, secret = ADMIN_SECRET) {
  const payload = body === undefined ? "" : JSON.stringify(body);
  return app.inject({
    method,
    url: path,
    headers: { ...adminHeaders(secret, method, path, payload), ...(payload ? { "content-type": "application/json" } : {}) },
    ...(payload ? { payload } : {}),
  });
}

/** The value of one sample on /metrics (0 when absent). */
export async function metric(app: FastifyInstance, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = (await app.inject({ method: "GET", url: "/metrics" })).body;
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (want.every((w) => line.includes(w))) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return 0;
}

/** Every key under a prefix and its raw value, read straight from Redis. */
/**
 * Instances of one deployment over the test Redis: one cache key, one prefix. `join()` starts
 * another instance; `close()` ends every one it started and drops the prefix from Redis.
 */
export function deployment(db: ClinicalDb) {
  const key = newCacheKey();
  const prefix = newPrefix();
  const started: Array<Awaited<ReturnType<typeof cacheApp>>> = [];
  return {
    key,
    prefix,
    join: async () => {
      const t = await cacheApp(db, { cache: { key, prefix } });
      started.push(t);
      return t;
    },
    close: async () => {
      for (const t of started) await t.close();
      await dropPrefix(prefix);
    },
  };
}

export async function redisDump(url: string, prefix: string): Promise<Map<string, string>> {
  const r = new Redis(url);
  const out = new Map<string, string>();
  let cursor = "0";
  do {
    const [next, keys] = await r.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    for (const k of keys) {
      const v = await r.get(k);
      if (v !== null) out.set(k, v);
    }
    cursor = next;
  } while (cursor !== "0");
  r.disconnect();
  return out;
}

/** Deletes a suite's keys from the shared Redis. */
export async function dropPrefix(prefix: string, url = testRedisUrl()): Promise<void> {
  if (!url) return;
  const keys = [...(await redisDump(url, prefix)).keys()];
  const r = new Redis(url);
  if (keys.length) await r.del(...keys);
  r.disconnect();
}

/** A database whose queries can be made to fail like a lost connection. */
export function breakableDb(db: ClinicalDb): ClinicalDb & { broken: boolean } {
  const state = { broken: false };
  // Every handle the app derives (db.forClass(…) per route class) fails while `broken` is set.
  const wrap = (inner: ClinicalDb): ClinicalDb => {
    const w = Object.assign(Object.create(null) as object, inner) as ClinicalDb;
    w.query = ((name: string, sql: string, params?: unknown[]) =>
      state.broken ? Promise.reject(Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" })) : inner.query(name, sql, params)) as ClinicalDb["query"];
    w.forClass = (cls) => wrap(inner.forClass(cls));
    return w;
  };
  return Object.defineProperty(wrap(db), "broken", { get: () => state.broken, set: (v: boolean) => void (state.broken = v) }) as ClinicalDb & { broken: boolean };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
