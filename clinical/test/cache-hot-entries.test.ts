import pino from "pino";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_CACHE_POLICIES } from "@/core/engines/cache/policy";
import { ClinicalCache } from "../src/cache/clinical-cache";
import { HotEntries } from "../src/cache/hot-entries";
import { TAG_KEY_PREFIX } from "../src/cache/keys";
import { PolicyState } from "../src/cache/policy-state";
import { buildCacheTiers, HARD_TIMEOUT_MS } from "../src/cache/tiers";

describe("HotEntries", () => {
  it("serves an entry until its time and under its policy version only", () => {
    const hot = new HotEntries();
    hot.set("k", { a: 1 }, 10, 1_000, 0, hot.generation);
    expect(hot.get("k", 0, 999)?.value).toEqual({ a: 1 });
    expect(hot.get("k", 1, 999)).toBeUndefined(); // a policy change retires it
    hot.set("k", { a: 1 }, 10, 1_000, 0, hot.generation);
    expect(hot.get("k", 0, 1_000)).toBeUndefined(); // expired
    expect(hot.size).toBe(0);
  });

  it("does not keep a fill that began before an invalidation", () => {
    const hot = new HotEntries();
    const before = hot.generation;
    hot.invalidate();
    hot.set("k", "old", 3, 10_000, 0, before);
    expect(hot.get("k", 0, 0)).toBeUndefined();
    hot.set("k", "new", 3, 10_000, 0, hot.generation);
    expect(hot.get("k", 0, 0)?.value).toBe("new");
  });

  it("drops the oldest entries past its entry and byte bounds", () => {
    const hot = new HotEntries(2, 100);
    for (const k of ["a", "b", "c"]) hot.set(k, k, 10, 10_000, 0, hot.generation);
    expect([hot.get("a", 0, 0), hot.get("b", 0, 0)?.value, hot.get("c", 0, 0)?.value]).toEqual([undefined, "b", "c"]);
    hot.set("big", "x", 90, 10_000, 0, hot.generation);
    expect(hot.get("b", 0, 0)).toBeUndefined();
    expect(hot.get("big", 0, 0)?.value).toBe("x");
    hot.set("huge", "y", 101, 10_000, 0, hot.generation); // larger than the whole budget: never kept
    expect(hot.get("huge", 0, 0)).toBeUndefined();
  });
});

describe("ClinicalCache with its hot index (L1 only, no Redis)", () => {
  const setUp = () => {
    const tiers = buildCacheTiers({ mode: "on", redis: null, prefix: "vigil:test:hot", onRecovered: () => {} });
    const policies = new PolicyState();
    const cache = new ClinicalCache(tiers, policies, pino({ level: "silent" }));
    const store = tiers.tiered!["patient-demographics"];
    const getOrSet = vi.spyOn(store, "getOrSet");
    let loads = 0;
    const load = async () => ({ n: ++loads });
    const read = () => cache.read("patient-demographics", "p-1", "", load);
    // bentocache reads of the entry itself (a fill also reads its patient's tag)
    const entryReads = () => getOrSet.mock.calls.filter(([o]) => !o.key.startsWith(TAG_KEY_PREFIX)).length;
    return { tiers, policies, cache, entryReads, read, loads: () => loads };
  };

  it("answers repeated reads of its own fill without going through bentocache", async () => {
    const t = setUp();
    expect(await t.read()).toEqual({ n: 1 });
    for (let i = 0; i < 5; i++) expect(await t.read()).toEqual({ n: 1 });
    expect(t.loads()).toBe(1);
    expect(t.entryReads()).toBe(1);
    await t.tiers.close();
  });

  it("reads through again after an invalidation, a policy change or a recovery", async () => {
    const t = setUp();
    await t.read();
    await t.cache.invalidate({ patientId: "p-1" });
    await new Promise((r) => setTimeout(r, 150)); // past the tag's race window, so the next load is stored
    expect(await t.read()).toEqual({ n: 2 });
    expect(await t.read()).toEqual({ n: 2 });
    const calls = t.entryReads();
    const policies = structuredClone(DEFAULT_CACHE_POLICIES);
    policies["patient-demographics"].ttlS = 60;
    expect(t.policies.apply({ version: 1, policies }).applied).toBe(true);
    await t.read();
    expect(t.entryReads()).toBe(calls + 1); // the policy change retired the hot entry
    await t.cache.recover();
    expect(await t.read()).toEqual({ n: 3 }); // recovery dropped L1 and the hot index
    await t.tiers.close();
  });

  it("never fronts a class whose policy keeps it out of memory", async () => {
    const t = setUp();
    const policies = structuredClone(DEFAULT_CACHE_POLICIES);
    policies["patient-demographics"].l1 = false;
    t.policies.apply({ version: 1, policies });
    await t.read();
    await t.read();
    expect(t.tiers.hot!.size).toBe(0);
    expect(t.loads()).toBe(2); // no Redis: no tier at all for a class barred from memory
    await t.tiers.close();
  });
});

describe("ClinicalCache load deadline", () => {
  it("answers 503 (UNAVAILABLE) when a load runs past the hard timeout, and the next read loads again", async () => {
    const tiers = buildCacheTiers({ mode: "on", redis: null, prefix: "vigil:test:deadline", onRecovered: () => {} });
    const cache = new ClinicalCache(tiers, new PolicyState(), pino({ level: "silent" }));
    const started = Date.now();
    const stuck = cache.read("vital-signs", "p-2", "", () => new Promise<never>(() => {}));
    await expect(stuck).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(HARD_TIMEOUT_MS - 50);
    expect(await cache.read("vital-signs", "p-2", "", async () => ({ ok: true }))).toEqual({ ok: true });
    await tiers.close();
  }, HARD_TIMEOUT_MS + 10_000);
});
