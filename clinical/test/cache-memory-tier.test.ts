import { describe, expect, it } from "vitest";
import { MemoryTier, type MemoryEntry } from "../src/cache/memory-tier";
import { sleep } from "./cache-support";

const entry = (value: unknown, readAt = Date.now(), tag = "vital-signs:abc"): MemoryEntry => ({
  value, freshUntil: Date.now() + 60_000, staleUntil: Date.now() + 60_000, tag, dataClass: tag.startsWith("vital") ? "vital-signs" : "laboratory-results", readAt, bytes: 10,
});

describe("memory tier", () => {
  it("keeps entries as frozen objects", () => {
    const tier = new MemoryTier();
    expect(tier.set("k1", entry({ total: 3, nested: { a: 1 } }))).toBe(true);
    const a = tier.get("k1")!.value as { total: number; nested: { a: number } };
    expect(a.total).toBe(3);
    expect(Object.isFrozen(a) && Object.isFrozen(a.nested)).toBe(true);
    expect(() => ((a as { total: number }).total = 9)).toThrow(TypeError);
    expect(tier.usage().entries).toBe(1);
  });

  it("drops a patient class's entries on its invalidation, and only those", async () => {
    const tier = new MemoryTier();
    tier.set("vital-signs:abc:", entry(1));
    tier.set("vital-signs:abc:q=1", entry(2));
    tier.set("vital-signs:xyz:", entry(3, Date.now(), "vital-signs:xyz"));
    tier.set("laboratory-results:abc:", entry(4, Date.now(), "laboratory-results:abc"));
    await sleep(2);
    tier.invalidate({ tag: "vital-signs:abc" });
    expect(tier.get("vital-signs:abc:")).toBeUndefined();
    expect(tier.get("vital-signs:abc:q=1")).toBeUndefined();
    expect(tier.get("vital-signs:xyz:")?.value).toBe(3);
    expect(tier.get("laboratory-results:abc:")?.value).toBe(4);
    tier.invalidate({ dataClass: "vital-signs" });
    expect(tier.get("vital-signs:xyz:")).toBeUndefined();
    expect(tier.get("laboratory-results:abc:")?.value).toBe(4);
  });

  it("never keeps a read that began before an invalidation (in flight when it arrived)", async () => {
    const tier = new MemoryTier();
    const readAt = Date.now();
    await sleep(2);
    tier.invalidate({ tag: "vital-signs:abc" });
    expect(tier.set("vital-signs:abc:", entry("old", readAt))).toBe(false);
    expect(tier.get("vital-signs:abc:")).toBeUndefined();
    await sleep(2);
    expect(tier.set("vital-signs:abc:", entry("new"))).toBe(true);
    expect(tier.get("vital-signs:abc:")?.value).toBe("new");
  });

  it("after being dropped whole, keeps no read that began before", async () => {
    const tier = new MemoryTier();
    const readAt = Date.now();
    await sleep(2);
    tier.clear();
    expect(tier.set("vital-signs:abc:", entry("old", readAt))).toBe(false);
  });
});
