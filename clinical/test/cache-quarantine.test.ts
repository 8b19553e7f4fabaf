import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { FAIL_FAST_REDIS_OPTIONS } from "@/core/redis/fail-fast";
import { testRedisUrl } from "../../test/support/services";
import { ClinicalCache } from "../src/cache/clinical-cache";
import { TAG_KEY_PREFIX } from "../src/cache/keys";
import { PolicyState } from "../src/cache/policy-state";
import { buildCacheTiers } from "../src/cache/tiers";
import { pseudonymiser } from "../src/cache/crypto";
import { dropPrefix, hasRedis, newCacheKey, newPrefix, sleep } from "./cache-support";

const run = hasRedis();

describe.runIf(run)("a tag invalidated on another instance", () => {
  const prefix = newPrefix();
  const key = newCacheKey();
  const clients: Redis[] = [];
  const instance = () => {
    const redis = new Redis(testRedisUrl()!, FAIL_FAST_REDIS_OPTIONS);
    clients.push(redis);
    const tiers = buildCacheTiers({ mode: "on", redis, hexKey: key, prefix, onRecovered: () => {} });
    return { tiers, cache: new ClinicalCache(tiers, new PolicyState(), pino({ level: "silent" })) };
  };
  afterAll(async () => {
    clients.forEach((c) => c.disconnect());
    await dropPrefix(prefix);
  });

  it("is quarantined in the other instance's memory when the bus message arrives", async () => {
    const [a, b] = [instance(), instance()];
    await sleep(300); // subscriptions
    let loads = 0;
    const read = () => a.cache.read("vital-signs", "p-000042", "q", async () => ({ n: ++loads }));
    await read();
    await read(); // A now holds the entry and the patient's tag in memory
    await b.cache.invalidate({ patientId: "p-000042", dataClass: "vital-signs" }); // returns after A confirmed
    const pseudonym = pseudonymiser(a.tiers.keys.naming)("p-000042");
    expect(a.tiers.l1!.quarantined(`${prefix}:t:vital-signs:${TAG_KEY_PREFIX}patient:${pseudonym}`)).toBe(true);
    expect(a.tiers.l1!.quarantined(`${prefix}:t:triage-results:${TAG_KEY_PREFIX}patient:${pseudonym}`)).toBe(false);
    expect(await read()).toEqual({ n: 2 }); // fresh, from the database
    await Promise.all([a.tiers.close(), b.tiers.close()]);
  });
});
