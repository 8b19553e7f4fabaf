import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NonceWindow, verifyAdminRequest } from "@/core/engines/cache/signature";
import { resetEnvForTests } from "../../lib/env";
import { recentDecisions } from "../../lib/services/scaling/scaler-decisions";
import { scalerTick } from "../../lib/services/scaling/run-scaler";
import { scalerStatus } from "../../lib/services/scaling/scaler-status";
import { updateScalingPolicy } from "../../lib/services/scaling/update-scaling-policy";
import { defaultScalingPolicy } from "@/core/engines/scaling/policy";
import { makeActor } from "../support/actors";
import { db, useFreshConsoleDb } from "../support/console-db";

const SECRET = "test-only-clinical-admin-secret-0123456789";

/** A stand-in for the cluster's control endpoint: checks signatures, records PUTs. */
function fakeCluster() {
  const state = { workers: 1, maxWorkers: 2, database: "postgres" as "postgres" | "pglite", metrics: { rps: 0, inFlight: 0, p95Ms: null as number | null, cpuPercent: null }, startupMs: [] as number[] };
  const puts: number[] = [];
  let refuse: string | null = null;
  const nonces = new NonceWindow();
  const server: Server = createServer(async (req, res) => {
    let body = "";
    for await (const c of req) body += c;
    const h = (name: string) => req.headers[name] as string | undefined;
    const bad = verifyAdminRequest(SECRET, { method: req.method!, path: req.url!, body, timestamp: h("x-vigil-timestamp"), nonce: h("x-vigil-nonce"), signature: h("x-vigil-signature") }, nonces);
    res.setHeader("content-type", "application/json");
    if (bad) return res.writeHead(401).end(JSON.stringify({ error: bad }));
    if (req.method === "GET") return res.end(JSON.stringify(state));
    const n = (JSON.parse(body) as { workers: number }).workers;
    puts.push(n);
    if (refuse) return res.writeHead(409).end(JSON.stringify({ ok: false, workers: state.workers, error: refuse }));
    state.workers = n;
    res.end(JSON.stringify({ ok: true, workers: n, startedMs: [1234] }));
  });
  return { state, puts, server, refuseWith: (e: string | null) => (refuse = e) };
}

describe("the console's local scaler", () => {
  useFreshConsoleDb("pglite");
  const cluster = fakeCluster();

  beforeAll(async () => {
    await new Promise<void>((r) => cluster.server.listen(0, "127.0.0.1", () => r()));
    const port = (cluster.server.address() as { port: number }).port;
    Object.assign(process.env, { CLINICAL_CLUSTER_URL: `http://127.0.0.1:${port}`, CLINICAL_ADMIN_SECRET: SECRET });
    resetEnvForTests();
    // target 50 req/s per worker, no schedules, min 1: the rule alone decides
    const p = { ...defaultScalingPolicy(), minReplicas: 1, target: { metric: "rps" as const, value: 50 }, schedules: [] };
    const admin = await makeActor("admin");
    await updateScalingPolicy(admin, {
      service: "clinical", reason: "scaler test", minReplicas: "1", maxReplicas: "10", "target.metric": "rps", "target.value": "50",
      "behavior.scaleUp.stabilizationSeconds": "0", "behavior.scaleUp.percentPerPeriod": "100", "behavior.scaleUp.podsPerPeriod": "4", "behavior.scaleUp.periodSeconds": "15",
      "behavior.scaleDown.stabilizationSeconds": "300", "behavior.scaleDown.percentPerPeriod": "100", "behavior.scaleDown.periodSeconds": "15",
      timeZone: p.timeZone, "surge.factor": "2", "surge.defaultMinutes": "60",
    });
  }, 180_000);
  afterAll(() => {
    cluster.server.close();
    delete process.env.CLINICAL_CLUSTER_URL;
    delete process.env.CLINICAL_ADMIN_SECRET;
    resetEnvForTests();
  });

  it("on PGlite logs the decision as dry-run and changes nothing", async () => {
    Object.assign(cluster.state, { database: "pglite", workers: 1, metrics: { ...cluster.state.metrics, rps: 90 } });
    await scalerTick();
    expect(cluster.puts).toEqual([]);
    const [d] = await recentDecisions();
    expect(d).toMatchObject({ mode: "dry-run", fromWorkers: 1, toWorkers: 2, outcome: "dry-run", rule: "reactive: rps 90.0 vs target 50 → ceil(1 × 1.80)" });
    expect((await scalerStatus()).text).toMatch(/Dry-run: .*PGlite.*CLINICAL_DATABASE_URL/);
  });

  it("on PostgreSQL applies the decision, logging the metrics and the rule", async () => {
    Object.assign(cluster.state, { database: "postgres", workers: 1, metrics: { ...cluster.state.metrics, rps: 90 } });
    await scalerTick();
    expect(cluster.puts).toEqual([2]);
    const d = (await recentDecisions()).at(-1)!;
    expect(d).toMatchObject({ mode: "live", fromWorkers: 1, toWorkers: 2, outcome: "applied", rule: "reactive: rps 90.0 vs target 50 → ceil(1 × 1.80)" });
    expect(d.metrics).toMatchObject({ rps: 90, target: 50, workers: 1 });
  });

  it("a worker that cannot start: logged as failed, the workers stay", async () => {
    Object.assign(cluster.state, { workers: 1, metrics: { ...cluster.state.metrics, rps: 95 } });
    cluster.refuseWith("worker exited before listening (code 1, signal none)");
    await scalerTick();
    const d = (await recentDecisions()).at(-1)!;
    expect(d).toMatchObject({ mode: "live", fromWorkers: 1, outcome: "failed", error: "worker exited before listening (code 1, signal none)" });
    expect(cluster.state.workers).toBe(1);
    cluster.refuseWith(null);
  });

  it("with the forecast on, three recorded days at 90 req/s raise a quiet service to 2 workers ahead of demand (forecast-only)", async () => {
    const prisma = await db();
    const now = Date.now();
    // A scrape every 30 minutes for 73 hours: the counter grows by 90 req/s × 1,800 s each time.
    const rows = Array.from({ length: 147 }, (_, i) => ({
      scrapedAt: new Date(now - (146 - i) * 1_800_000),
      data: { cache: {}, classes: { "patient-data": { total: i * 90 * 1800, bad: 0, le: {} } } },
    }));
    await prisma.metricScrape.createMany({ data: rows });
    const admin = await makeActor("admin");
    await updateScalingPolicy(admin, {
      service: "clinical", reason: "scaler forecast test", minReplicas: "1", maxReplicas: "10", "target.metric": "rps", "target.value": "50",
      "behavior.scaleUp.stabilizationSeconds": "0", "behavior.scaleUp.percentPerPeriod": "100", "behavior.scaleUp.podsPerPeriod": "4", "behavior.scaleUp.periodSeconds": "15",
      "behavior.scaleDown.stabilizationSeconds": "300", "behavior.scaleDown.percentPerPeriod": "100", "behavior.scaleDown.periodSeconds": "15",
      timeZone: "UTC", "surge.factor": "2", "surge.defaultMinutes": "60", "forecast.enabled": "on",
    });
    Object.assign(cluster.state, { database: "postgres", workers: 1, metrics: { ...cluster.state.metrics, rps: 0 } });
    const before = cluster.puts.length;
    await scalerTick();
    expect(cluster.puts.slice(before)).toEqual([2]);
    const d = (await recentDecisions()).at(-1)!;
    expect(d).toMatchObject({ mode: "live", fromWorkers: 1, toWorkers: 2, outcome: "applied" });
    expect(d.rule).toMatch(/^predictive: forecast 90\.0 req\/s in \d+ s at 50 req\/s per worker → 2$/);
    expect(d.metrics).toMatchObject({ rps: 0, forecastRps: 90, forecastFloor: 2 });
  }, 120_000);
});
