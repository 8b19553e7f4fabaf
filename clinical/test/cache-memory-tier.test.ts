import { describe, expect, it } from "vitest";
import { TAG_KEY_PREFIX } from "../src/cache/keys";
import { MemoryTier, type ObjectMemoryDriver } from "../src/cache/memory-tier";
import { sleep } from "./cache-support";

const driverOf = (tier: MemoryTier, prefix: string) =>
  tier.driver((raw) => JSON.parse(raw)).factory({ prefix }) as ObjectMemoryDriver;
const item = (value: unknown) => ({ value, createdAt: Date.now(), logicalExpiration: Date.now() + 60_000 });

describe("memory tier", () => {
  it("keeps entries as frozen objects, decrypting (here: parsing) copies from L2 once", () => {
    const tier = new MemoryTier();
    const d = driverOf(tier, "p:t:vital-signs");
    d.set("k1", item({ total: 3 }), 10_000);
    d.set("k2", JSON.stringify(item({ total: 4 })), 10_000);
    const [a, b] = [d.get("k1") as unknown as { value: { total: number } }, d.get("k2") as unknown as { value: { total: number } }];
    expect([a.value.total, b.value.total]).toEqual([3, 4]);
    expect(Object.isFrozen(a.value)).toBe(true);
    expect(() => ((a.value as { total: number }).total = 9)).toThrow(TypeError);
    expect(tier.usage().entries).toBe(2);
  });

  it("quarantines a tag another instance invalidated: no copy is read or kept until it ends", async () => {
    const tier = new MemoryTier(150);
    const d = driverOf(tier, "p:t:vital-signs");
    const tag = `${TAG_KEY_PREFIX}patient:abc`;
    d.set(tag, item(0), 10_000);
    tier.quarantine(`p:t:vital-signs:${tag}`);
    expect(d.get(tag)).toBeUndefined(); // dropped: the next check reads Redis
    expect(d.set(tag, item(0), 10_000)).toBe(false); // an in-flight read's old value is not kept
    expect(d.get(tag)).toBeUndefined();
    d.set("vital-signs:abc:", item({ total: 1 }), 10_000); // entries are not affected
    expect(d.get("vital-signs:abc:")).toBeDefined();
    await sleep(200);
    expect(d.set(tag, item(1234), 10_000)).toBe(true);
    expect((d.get(tag) as unknown as { value: number }).value).toBe(1234);
  });

  it("quarantines only the store (class) named in the message", () => {
    const tier = new MemoryTier();
    const [vitals, labs] = [driverOf(tier, "p:t:vital-signs"), driverOf(tier, "p:t:laboratory-results")];
    const tag = `${TAG_KEY_PREFIX}patient:abc`;
    tier.quarantine(`p:t:vital-signs:${tag}`);
    expect(vitals.set(tag, item(0), 10_000)).toBe(false);
    expect(labs.set(tag, item(0), 10_000)).toBe(true);
  });
});
