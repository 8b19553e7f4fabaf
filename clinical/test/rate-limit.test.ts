import type { ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMIT_SETTINGS, type RateLimitSettings } from "@/core/engines/admission/rate-limit";
import { LEASE_SHARE } from "../src/http/leased-limiter";
import { clientKeyOf } from "../src/http/rate-limit";
import { loadHospital } from "../src/seed/load-hospital";
import { cacheApp, hasRedis, metric, newPrefix } from "./cache-support";
import { FIXTURE, useClinicalApp } from "./fixture";
import { freePort, sleep, startRedisServer } from "./redis-server";
import { fastestDb, useClinicalDb } from "./support";
import { ALL_SCOPES, bearer, testToken } from "./auth-support";

const budget = (clientPoints: number, unknownClientPoints = 60): RateLimitSettings => ({ ...DEFAULT_RATE_LIMIT_SETTINGS, windowS: 60, clientPoints, unknownClientPoints });
const alert = JSON.stringify({ resourceType: "Communication", status: "completed", priority: "stat", subject: { reference: "Patient/p-000001" }, payload: [{ contentString: "review" }] });

describe("rate limits per client with cost weights (in memory, no Redis)", () => {
  const t = useClinicalApp(fastestDb(), { resources: { rateLimit: budget(100) } });
  // One API client per address here (its token names it); auth.test.ts shows a client keeps one budget across addresses.
  const from = async (remoteAddress: string, method: "GET" | "POST", url: string, payload?: string) =>
    t.app.inject({ method, url, remoteAddress, headers: { ...bearer(await testToken(ALL_SCOPES, `client-${remoteAddress}`)), ...(payload ? { "content-type": "application/fhir+json" } : {}) }, ...(payload ? { payload } : {}) });

  it("charges read 1, search 10, write 50 and says so in RateLimit-Policy / RateLimit", async () => {
    const a = "10.0.0.1";
    const read = await from(a, "GET", "/fhir/Patient/p-000001");
    expect(read.headers["ratelimit-policy"]).toBe('"client";q=100;w=60');
    expect(read.headers["ratelimit"]).toBe('"client";r=99;t=60');
    expect((await from(a, "GET", "/fhir/Observation?patient=p-000001&_count=5")).headers["ratelimit"]).toMatch(/^"client";r=89;t=(59|60)$/);
    expect((await from(a, "POST", "/fhir/Communication", alert)).statusCode).toBe(201);
    const refused = await from(a, "POST", "/fhir/Communication", alert); // 39 left, a write costs 50
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(59);
    expect(refused.headers["ratelimit"]).toMatch(/^"client";r=0;t=(59|60)$/);
    expect(refused.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "throttled" }] });
    expect(await metric(t.app, "clinical_rate_limit_rejected_total", { endpoint: "POST /fhir/Communication", bucket: "client" })).toBe(1);
    expect(await metric(t.app, "clinical_admission_rejected_total", { class: "emergency", reason: "rate_limit" })).toBe(1);
  });

  it("keeps a separate budget per client and never charges health or metrics", async () => {
    expect((await from("10.0.0.2", "POST", "/fhir/Communication", alert)).statusCode).toBe(201);
    const health = await from("10.0.0.1", "GET", "/health");
    expect(health.statusCode).toBe(200);
    expect(health.headers["ratelimit"]).toBeUndefined();
    const text = (await t.app.inject({ method: "GET", url: "/metrics" })).body;
    expect(text).not.toContain("10.0.0."); // an address or client id is a limiter key, never a label
    expect(text).toMatch(/^clinical_rate_limit_store\{store="memory"\} 1$/m);
  });

  it("puts requests without a source address in the shared, most restrictive bucket", () => {
    // inject always supplies an address, so the identity rule is checked directly.
    expect(clientKeyOf(undefined)).toBeNull();
    expect(clientKeyOf("")).toBeNull();
    expect(clientKeyOf("10.0.0.1")).toBe("10.0.0.1");
    expect(clientKeyOf("10.0.0.1", "vc-1")).toBe("client:vc-1"); // an authenticated client, wherever it connects from
  });
});

describe.runIf(hasRedis())("rate limits shared through Redis, insurance limiter when Redis dies", () => {
  const ctx = useClinicalDb(fastestDb());
  const prefix = newPrefix();
  let port = 0;
  let redis: ChildProcess | undefined;
  let a: Awaited<ReturnType<typeof cacheApp>>;
  let b: Awaited<ReturnType<typeof cacheApp>>;
  beforeAll(async () => {
    await loadHospital(ctx.db, FIXTURE);
    port = await freePort();
    redis = await startRedisServer(port);
    const opts = { redisUrl: `redis://127.0.0.1:${port}`, cache: { prefix }, resources: { rateLimit: budget(100_000) } };
    [a, b] = [await cacheApp(ctx.db, opts), await cacheApp(ctx.db, opts)];
    await a.app.listen({ port: 0, host: "127.0.0.1" });
    for (let i = 0; i < 50 && a.redis!.status !== "ready"; i++) await sleep(50);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    redis?.kill("SIGKILL");
  });

  it("two instances draw on one budget per client", async () => {
    const r1 = await a.app.inject({ method: "GET", url: "/fhir/Patient/p-000001", remoteAddress: "10.1.0.1" });
    const r2 = await b.app.inject({ method: "GET", url: "/fhir/Patient/p-000001", remoteAddress: "10.1.0.1" });
    // Each instance charges from a lease it took from Redis (leased-limiter.ts); b's answer counts a's lease as spent.
    const lease = 100_000 * LEASE_SHARE;
    expect(r1.headers["ratelimit"]).toMatch(/^"client";r=99999;/);
    expect(r2.headers["ratelimit"]).toMatch(new RegExp(`^"client";r=${100_000 - lease - 1};`));
    expect(await metric(a.app, "clinical_rate_limit_store", { store: "redis" })).toBe(1);
  });

  it("answers every request (no 5xx) while Redis dies, with the in-memory insurance limiter still charging", async () => {
    const base = `http://127.0.0.1:${(a.app.server.address() as AddressInfo).port}`;
    const headers = bearer(await testToken());
    const statuses = new Map<number, number>();
    let withHeader = 0;
    let stop = false;
    const worker = async () => {
      for (let n = 0; !stop; n++) {
        const res = await fetch(`${base}/fhir/Patient/p-00000${1 + (n % 9)}`, { headers }).catch(() => null);
        if (!res) continue;
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.headers.get("ratelimit")) withHeader++;
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    await sleep(500);
    redis!.kill("SIGKILL");
    await sleep(300);
    const atKill = [...statuses.values()].reduce((x, y) => x + y, 0);
    await sleep(1500);
    const duringOutage = [...statuses.values()].reduce((x, y) => x + y, 0) - atKill;
    const storeDuringOutage = await metric(a.app, "clinical_rate_limit_store", { store: "memory" });
    stop = true;
    await Promise.all(workers);
    const total = [...statuses.values()].reduce((x, y) => x + y, 0);
    expect([...statuses.keys()]).toEqual([200]);
    expect(withHeader).toBe(total);
    expect(duringOutage).toBeGreaterThan(10); // requests flow during the outage, none hang
    expect(storeDuringOutage).toBe(1);
    expect(await metric(a.app, "clinical_rate_limit_store_errors_total")).toBe(0);
  });
});
