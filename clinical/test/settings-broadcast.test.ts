import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RESOURCE_SETTINGS as D, type ResourceSettings } from "@/core/engines/admission/resource-settings";
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from "@/core/engines/pool/policy";
import { testRedisUrl } from "../../test/support/services";
import { deriveCacheKeys, encryptingSerializer } from "../src/cache/crypto";
import { POOL_SETTINGS_KIND, RESOURCE_SETTINGS_KIND } from "../src/control/setup";
import { admin, cacheApp, dropPrefix, hasRedis, metric, newCacheKey, newPrefix, sleep } from "./cache-support";
import { fastestDb, useClinicalDb } from "./support";

const run = hasRedis();

const RESOURCES = "/admin/resources/settings";
const POOL = "/admin/pool/settings";
/** The promise: a setting pushed to one instance is in force on the others within 1 s. */
const IN_FORCE_WITHIN_MS = 1000;
const POLL_MS = 10;

type Instance = Awaited<ReturnType<typeof cacheApp>>;

/** Polls an instance's GET until it shows `version`; returns the milliseconds it took (Infinity if never). */
async function msUntilVersion(t: Instance, path: string, version: number, since: number): Promise<number> {
  while (Date.now() - since <= IN_FORCE_WITHIN_MS * 2) {
    if ((await admin(t.app, "GET", path)).json().version === version) return Date.now() - since;
    await sleep(POLL_MS);
  }
  return Infinity;
}

/** A 1-point budget per minute: a client's second request is throttled. */
const tight: ResourceSettings = { ...D, rateLimit: { ...D.rateLimit, enabled: true, windowS: 60, clientPoints: 1, unknownClientPoints: 1, weights: { read: 1, search: 1, triage: 1, write: 1 } } };

/** Every connection reserved for the classes above AI inference, which may then borrow none; it gives up after 100 ms. */
const noAi: PoolSettings = { size: 6, classes: { ...DEFAULT_POOL_SETTINGS.classes, "ai-inference": { reserved: 0, statementTimeoutMs: 100 } } };

// Each instance has a database (and so a connection pool) of its own, as separate processes do;
// they share one Redis namespace and one cache key, as one deployment's instances do.
describe.runIf(run)("resource and pool settings across instances (one Redis)", () => {
  const dbs = [useClinicalDb(fastestDb()), useClinicalDb(fastestDb()), useClinicalDb(fastestDb()), useClinicalDb(fastestDb())];
  const key = newCacheKey();
  const prefix = newPrefix();
  const started: Instance[] = [];
  const join = async (i: number) => {
    const t = await cacheApp(dbs[i]!.db, { cache: { key, prefix } });
    started.push(t);
    return t;
  };
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    [a, b] = [await join(0), await join(1)];
  });
  afterAll(async () => {
    for (const t of started) await t.close();
    await dropPrefix(prefix);
  });

  it("a signed resource settings PUT on A is in force on B within 1 s: B throttles a client's second request", async () => {
    const read = () => b.app.inject({ method: "GET", url: "/fhir/Patient/p-000001" });
    expect((await read()).statusCode).not.toBe(429); // rate limits off on B before
    expect((await read()).statusCode).not.toBe(429);
    const put = await admin(a.app, "PUT", RESOURCES, { version: 3, settings: tight });
    expect(put.statusCode).toBe(200);
    expect(await msUntilVersion(b, RESOURCES, 3, Date.now())).toBeLessThanOrEqual(IN_FORCE_WITHIN_MS);
    expect((await admin(b.app, "GET", RESOURCES)).json().settings.rateLimit.clientPoints).toBe(1);
    const [first, second] = [await read(), await read()];
    expect(first.headers["ratelimit-policy"]).toBe('"client";q=1;w=60');
    expect(second.statusCode).toBe(429);
  });

  it("a signed pool settings PUT on A is in force on B within 1 s: B's AI inference gets no connection (503)", async () => {
    const triage = () => b.app.inject({ method: "POST", url: "/fhir/Patient/p-000001/$triage" });
    expect((await triage()).statusCode).not.toBe(503); // no patient: 404 or 422, but a connection was had
    const put = await admin(a.app, "PUT", POOL, { version: 4, settings: noAi });
    expect(put.statusCode).toBe(200);
    expect(await msUntilVersion(b, POOL, 4, Date.now())).toBeLessThanOrEqual(IN_FORCE_WITHIN_MS);
    expect(await metric(b.app, "clinical_db_pool_size")).toBe(6);
    // Rate limits from the previous test would throttle B's next request: lift them first, through A.
    expect((await admin(a.app, "PUT", RESOURCES, { version: 5, settings: D })).statusCode).toBe(200);
    expect(await msUntilVersion(b, RESOURCES, 5, Date.now())).toBeLessThanOrEqual(IN_FORCE_WITHIN_MS);
    const waitTimeouts = await metric(b.app, "clinical_db_pool_timeouts_total", { class: "ai-inference", kind: "wait" });
    expect((await triage()).statusCode).toBe(503);
    expect(await metric(b.app, "clinical_db_pool_timeouts_total", { class: "ai-inference", kind: "wait" })).toBe(waitTimeouts + 1);
  });

  it("an instance started after the updates is on them when it starts", async () => {
    const c = await join(2);
    expect((await admin(c.app, "GET", RESOURCES)).json()).toMatchObject({ version: 5, settings: D });
    expect((await admin(c.app, "GET", POOL)).json()).toMatchObject({ version: 4, settings: noAi });
  });

  it("ignores forged messages on the channels: unsealed, sealed with another key, garbage", async () => {
    const redis = new Redis(testRedisUrl()!);
    const warned = () => b.log.text().split("\n").filter((l) => l.includes("ignored a settings broadcast that did not unseal or validate")).length;
    const before = warned();
    const forged = { version: 99, settings: tight };
    const otherKey = encryptingSerializer(randomBytes(32));
    const payloads = [forged, otherKey.serialize(forged), "garbage"];
    try {
      for (const payload of payloads) await redis.publish(`${prefix}:${RESOURCE_SETTINGS_KIND}`, JSON.stringify({ busId: "forger", payload }));
      await redis.publish(`${prefix}:${POOL_SETTINGS_KIND}`, JSON.stringify({ busId: "forger", payload: otherKey.serialize({ version: 99, settings: DEFAULT_POOL_SETTINGS }) }));
    } finally {
      redis.disconnect();
    }
    for (let i = 0; i < IN_FORCE_WITHIN_MS / POLL_MS && warned() < before + payloads.length + 1; i++) await sleep(POLL_MS);
    expect(warned()).toBe(before + payloads.length + 1); // each one heard, and refused
    expect((await admin(b.app, "GET", RESOURCES)).json().version).toBe(5);
    expect((await admin(b.app, "GET", POOL)).json().version).toBe(4);
    expect(b.log.text()).not.toContain("garbage"); // what was refused is not echoed into the logs
  });

  it("never stores an older version over a newer one (a new instance catches up to the newest)", async () => {
    const redis = new Redis(testRedisUrl()!);
    const latest = `${prefix}:${POOL_SETTINGS_KIND}:latest`;
    try {
      // A newer version stored by an instance whose broadcast A missed.
      const newer = { version: 50, settings: { ...noAi, size: 7 } };
      await redis.set(latest, `50:${encryptingSerializer(deriveCacheKeys(key).encryption).serialize(newer)}`);
      expect((await admin(a.app, "PUT", POOL, { version: 6, settings: noAi })).statusCode).toBe(200); // newer than A's 4
      expect((await redis.get(latest))?.startsWith("50:")).toBe(true);
      const d = await join(3);
      expect((await admin(d.app, "GET", POOL)).json()).toMatchObject({ version: 50, settings: { size: 7 } });
    } finally {
      redis.disconnect();
    }
  });
});
