import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { buildTestClinicalApp } from "./auth-support";
import { CLINICAL_REDIS_OPTIONS } from "../src/redis-options";
import { serviceGate, testRedisUrl } from "../../test/support/services";
import { capturedLogger, useClinicalDb } from "./support";

const hasRedis = serviceGate("Redis", Boolean(testRedisUrl()), "set REDIS_URL to run the Redis health checks");

describe("health with Redis", () => {
  const ctx = useClinicalDb("pglite");
  const clients: Redis[] = [];
  afterAll(() => clients.forEach((c) => c.disconnect()));

  const appWith = async (url: string) => {
    const redis = new Redis(url, CLINICAL_REDIS_OPTIONS);
    redis.on("error", () => {});
    clients.push(redis);
    return buildTestClinicalApp({ db: ctx.db, redis, logger: capturedLogger().logger });
  };

  it.runIf(hasRedis)("reports a real Redis as up", async () => {
    const app = await appWith(testRedisUrl()!);
    expect((await app.inject({ method: "GET", url: "/health" })).json().redis).toEqual({ status: "up" });
    await app.close();
  });

  it("reports an unreachable Redis as down within about a second, and stays 200 (Redis is optional)", async () => {
    const app = await appWith("redis://127.0.0.1:1");
    const started = performance.now();
    const res = await app.inject({ method: "GET", url: "/health" });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "degraded", redis: { status: "down" } });
    await app.close();
  });
});
