import { fetchWithToken } from "./auth-support";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadHospital } from "../src/seed/load-hospital";
import { cacheApp, hasRedis, newCacheKey, newPrefix, patients, redisDump, sleep } from "./cache-support";
import { FIXTURE } from "./fixture";
import { useClinicalDb } from "./support";

const run = hasRedis(); // redis-server comes with the Redis these suites need

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], { stdio: "ignore" });
  const probe = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on("error", () => {});
  for (let i = 0; i < 100; i++, await sleep(50)) {
    if (await probe.connect().then(() => probe.ping(), () => null)) break;
  }
  probe.disconnect();
  return child;
}

describe.runIf(run).each(["on", "l2-only"] as const)("Redis failing mid-traffic (cache %s)", (mode) => {
  const ctx = useClinicalDb("pglite");
  const prefix = newPrefix();
  let port = 0;
  let redis: ChildProcess | undefined;
  let t: Awaited<ReturnType<typeof cacheApp>>;
  beforeAll(async () => {
    await loadHospital(ctx.db, FIXTURE);
    port = await freePort();
    redis = await startRedis(port);
    t = await cacheApp(ctx.db, { redisUrl: `redis://127.0.0.1:${port}`, cache: { key: newCacheKey(), prefix, mode } });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await t?.close();
    redis?.kill("SIGKILL");
  });

  it("answers every request (no 5xx) while Redis dies and returns, then caches in Redis again", async () => {
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const ids = patients().slice(0, 60).map((p) => p.id);
    const statuses = new Map<number, number>();
    let stop = false;
    let n = 0;
    const worker = async () => {
      while (!stop) {
        const id = ids[n++ % ids.length]!;
        const url = n % 2 ? `${base}/fhir/Patient/${id}` : `${base}/fhir/Observation?patient=${id}&category=vital-signs&_count=5`;
        const status = await fetchWithToken(url).then(async (r) => (await r.arrayBuffer(), r.status), () => 0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await sleep(1000);
    expect((await redisDump(`redis://127.0.0.1:${port}`, prefix)).size).toBeGreaterThan(0);
    redis!.kill("SIGKILL");
    await sleep(2000);
    const duringOutage = (await fetchWithToken(`${base}/health`).then((r) => r.json())).cache;
    redis = await startRedis(port); // same port, empty
    let l2 = "";
    for (let i = 0; i < 80 && l2 !== "connected"; i++, await sleep(100)) l2 = (await fetchWithToken(`${base}/health`).then((r) => r.json())).cache.l2;
    const answeredBefore = [...statuses.values()].reduce((a, b) => a + b, 0);
    await sleep(1000);
    const answeredAfter = [...statuses.values()].reduce((a, b) => a + b, 0);
    stop = true;
    await Promise.all(workers);
    expect(duringOutage).toEqual({ mode, l1: mode === "on", l2: "down" });
    expect(l2).toBe("connected");
    expect(answeredAfter - answeredBefore).toBeGreaterThan(50); // requests flow once Redis is back, none hang
    expect([...statuses.keys()].sort()).toEqual([200]);
    expect(statuses.get(200)).toBeGreaterThan(100);
    const entries = [...(await redisDump(`redis://127.0.0.1:${port}`, prefix)).keys()].filter((k) => k.startsWith(`${prefix}:e:`));
    expect(entries.length).toBeGreaterThan(0); // new entries landed in the restarted (empty) Redis
    expect(t.log.text()).toContain("Redis is back"); // L1 dropped: invalidations may have been missed
  });
});
