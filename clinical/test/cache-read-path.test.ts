import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_CACHE_POLICIES } from "@/core/engines/cache/policy";
import { CLINICAL_REDIS_OPTIONS } from "../src/redis-options";
import { testRedisUrl } from "../../test/support/services";
import { ClinicalCache } from "../src/cache/clinical-cache";
import { PolicyState } from "../src/cache/policy-state";
import { buildCacheTiers, HARD_TIMEOUT_MS, SOFT_TIMEOUT_MS, type CacheMode } from "../src/cache/tiers";
import { dropPrefix, hasRedis, newCacheKey, newPrefix, sleep } from "./cache-support";

const silent = pino({ level: "silent" });

describe("ClinicalCache in memory (L1 only, no Redis)", () => {
  const setUp = () => {
    const tiers = buildCacheTiers({ mode: "on", redis: null, prefix: "vigil:test:l1", onRecovered: () => {} });
    const policies = new PolicyState();
    const cache = new ClinicalCache(tiers, policies, silent);
    let loads = 0;
    const read = () => cache.read("patient-demographics", "p-1", "", async () => ({ n: ++loads }));
    return { tiers, policies, cache, read, loads: () => loads };
  };

  it("answers repeated reads from memory, and reads through again after an invalidation or a recovery", async () => {
    const t = setUp();
    expect(await t.read()).toEqual({ n: 1 });
    for (let i = 0; i < 5; i++) expect(await t.read()).toEqual({ n: 1 });
    await t.cache.invalidate({ patientId: "p-1" });
    await sleep(2);
    expect(await t.read()).toEqual({ n: 2 });
    expect(await t.read()).toEqual({ n: 2 });
    await t.cache.recover();
    await sleep(2);
    expect(await t.read()).toEqual({ n: 3 }); // recovery dropped memory
    expect(t.loads()).toBe(3);
    await t.tiers.close();
  });

  it("loads once for concurrent reads of one key (stampede protection), and answers each of them", async () => {
    const t = setUp();
    let loads = 0;
    const slow = async () => (await sleep(50), { n: ++loads });
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.cache.read("vital-signs", "p-9", "q", slow)));
    expect(loads).toBe(1);
    expect(answers.every((a) => a.n === 1)).toBe(true);
    await t.tiers.close();
  });

  it("keeps nothing in memory for a class whose policy forbids it", async () => {
    const t = setUp();
    const policies = structuredClone(DEFAULT_CACHE_POLICIES);
    policies["patient-demographics"].l1 = false;
    t.policies.apply({ version: 1, policies });
    await t.read();
    await t.read();
    expect(t.loads()).toBe(2); // no Redis: no tier at all for a class barred from memory
    expect(t.tiers.l1!.usage().entries).toBe(0);
    await t.tiers.close();
  });

  it("never stores client errors or oversized values", async () => {
    const t = setUp();
    let loads = 0;
    const big = async () => (++loads, { blob: "x".repeat(DEFAULT_CACHE_POLICIES["triage-results"].maxEntryBytes) });
    await t.cache.read("triage-results", "p-3", "", big);
    await t.cache.read("triage-results", "p-3", "", big);
    expect(loads).toBe(2);
    await t.tiers.close();
  });
});

describe.runIf(hasRedis()).each(["on", "l2-only"] as const)("ClinicalCache over Redis (cache %s)", (mode: CacheMode) => {
  const prefix = newPrefix();
  const clients: Redis[] = [];
  const instance = (key: string, policies = new PolicyState()) => {
    const redis = new Redis(testRedisUrl()!, CLINICAL_REDIS_OPTIONS);
    clients.push(redis);
    const tiers = buildCacheTiers({ mode, redis, hexKey: key, prefix, onRecovered: () => {} });
    return { redis, tiers, cache: new ClinicalCache(tiers, policies, silent) };
  };
  afterAll(async () => {
    clients.forEach((c) => c.disconnect());
    await dropPrefix(prefix);
  });

  it("reads Redis in one round trip per miss (entry and stamps in one MGET) and writes one SET", async () => {
    const key = newCacheKey();
    const a = instance(key);
    await sleep(200);
    const sent = { mget: vi.spyOn(a.redis, "mget"), get: vi.spyOn(a.redis, "get"), set: vi.spyOn(a.redis, "set") };
    let loads = 0;
    const read = () => a.cache.read("laboratory-results", "p-000007", "", async () => ({ n: ++loads }));
    expect(await read()).toEqual({ n: 1 });
    await sleep(50);
    expect([sent.mget.mock.calls.length, sent.get.mock.calls.length, sent.set.mock.calls.length]).toEqual([1, 0, 1]);
    await read();
    // In memory: no round trip at all. Redis only: one MGET, and the entry it found answers.
    expect(sent.mget.mock.calls.length).toBe(mode === "on" ? 1 : 2);
    const b = instance(key); // another instance: empty memory, same Redis
    await sleep(200);
    expect(await b.cache.read("laboratory-results", "p-000007", "", async () => ({ n: -1 }))).toEqual({ n: 1 });
    expect(loads).toBe(1);
    await Promise.all([a.tiers.close(), b.tiers.close()]);
  });

  it("does not trust an entry whose load began before another instance's invalidation", async () => {
    const key = newCacheKey();
    const [a, b] = [instance(key), instance(key)];
    await sleep(300); // subscriptions
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // A's load starts, then B writes and invalidates, then A's load returns the old data.
    const inFlight = a.cache.read("vital-signs", "p-000042", "q", async () => (await gate, { v: "old" }));
    await sleep(20);
    await b.cache.invalidate({ patientId: "p-000042", dataClass: "vital-signs" }); // returns after A confirmed
    release();
    expect(await inFlight).toEqual({ v: "old" }); // answered: it began before the write
    await sleep(150); // past the skew margin, so the next load is trusted
    const fresh = async () => ({ v: "new" });
    expect(await a.cache.read("vital-signs", "p-000042", "q", fresh)).toEqual({ v: "new" });
    expect(await b.cache.read("vital-signs", "p-000042", "q", async () => ({ v: "b" }))).toEqual({ v: "new" });
    await Promise.all([a.tiers.close(), b.tiers.close()]);
  });

  it("answers a stale value past the soft timeout when the load is slow (grace), and the load refreshes it", async () => {
    const policies = structuredClone(DEFAULT_CACHE_POLICIES);
    policies["patient-demographics"].ttlS = 1;
    const state = new PolicyState();
    expect(state.apply({ version: 1, policies }).applied).toBe(true);
    const a = instance(newCacheKey(), state);
    const cache = a.cache;
    await sleep(200);
    expect(await cache.read("patient-demographics", "p-000050", "", async () => ({ v: 1 }))).toEqual({ v: 1 });
    await sleep(1100);
    const started = Date.now();
    const slow = async () => (await sleep(SOFT_TIMEOUT_MS * 3), { v: 2 });
    expect(await cache.read("patient-demographics", "p-000050", "", slow)).toEqual({ v: 1 });
    expect(Date.now() - started).toBeLessThan(SOFT_TIMEOUT_MS * 3);
    await sleep(SOFT_TIMEOUT_MS * 3);
    expect(await cache.read("patient-demographics", "p-000050", "", async () => ({ v: 3 }))).toEqual({ v: 2 });
    await a.tiers.close();
  });
});

describe("ClinicalCache load deadline", () => {
  it("answers 503 (UNAVAILABLE) when a load runs past the hard timeout, and the next read loads again", async () => {
    const tiers = buildCacheTiers({ mode: "on", redis: null, prefix: "vigil:test:deadline", onRecovered: () => {} });
    const cache = new ClinicalCache(tiers, new PolicyState(), silent);
    const started = Date.now();
    const stuck = cache.read("vital-signs", "p-2", "", () => new Promise<never>(() => {}));
    await expect(stuck).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(HARD_TIMEOUT_MS - 50);
    expect(await cache.read("vital-signs", "p-2", "", async () => ({ ok: true }))).toEqual({ ok: true });
    await tiers.close();
  }, HARD_TIMEOUT_MS + 10_000);
});
