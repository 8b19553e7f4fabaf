import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildTestClinicalApp } from "./auth-support";
import { loadHospital } from "../src/seed/load-hospital";
import { DEFAULT_POOL_SETTINGS, type PoolClass, type PoolSettings } from "@/core/engines/pool/policy";
import { serviceGate, testPostgresUrl } from "../../test/support/services";
import { useClinicalDb } from "./support";

const run = serviceGate("PostgreSQL", Boolean(testPostgresUrl()), "set TEST_DATABASE_URL to run the priority-pool test on PostgreSQL");

/** Waits recorded by the pool, per class, in the order queries were admitted. */
function recordWaits(pool: { observe: (o: (c: PoolClass, s: number, outcome: string) => void) => void }) {
  const waits: { cls: PoolClass; s: number; outcome: string }[] = [];
  pool.observe((cls, s, outcome) => void waits.push({ cls, s, outcome }));
  return waits;
}

const settled = <T>(p: Promise<T>) => {
  const state = { done: false };
  void p.then(() => (state.done = true), () => (state.done = true));
  return state;
};

describe.runIf(run)("priority connection pool on PostgreSQL", () => {
  const clinical = useClinicalDb("postgres");
  let app: FastifyInstance;

  beforeAll(async () => {
    await loadHospital(clinical.db, { patients: 2, seed: 5, anchor: new Date("2026-11-26T08:00:00Z") });
    app = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent" });
  });
  afterAll(async () => app?.close());

  it("admits emergency queries at once, while AI inference holds every connection it may borrow and more queue", async () => {
    const db = clinical.db;
    const waits = recordWaits(db.pool);
    const ai = db.forClass("ai-inference");
    const aiQueries = Array.from({ length: 8 }, () => ai.query("test.slow_inference", "SELECT pg_sleep(3)"));
    const aiDone = aiQueries.map(settled);
    // Let the AI queries reach PostgreSQL: 4 (the unreserved connections) run, 4 wait.
    // Counted on a connection of its own: outside the pool, so the check cannot queue.
    const watcher = new pg.Client({ connectionString: testPostgresUrl() });
    await watcher.connect();
    try {
      await expect.poll(async () => (await watcher.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(3)' AND state = 'active'")).rows[0]!.n, { timeout: 30_000 }).toBe(4);
    } finally {
      await watcher.end();
    }
    expect(db.pool.stats()).toMatchObject({ inUse: { "ai-inference": 4 }, waiting: { "ai-inference": 4 } });

    const emergency = db.forClass("emergency");
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 2 }, (_, i) => emergency.query<{ ok: number }>("test.emergency", "SELECT $1::int AS ok", [i])));
    const elapsedMs = performance.now() - started;
    expect(results.map((r) => r[0]!.ok)).toEqual([0, 1]);
    // Both emergency queries found a connection free (waited exactly 0) and finished while the AI
    // queries still held theirs.
    expect(waits.filter((w) => w.cls === "emergency").map((w) => w.s)).toEqual([0, 0]);
    expect(aiDone.every((d) => !d.done)).toBe(true);
    expect(db.pool.stats().inUse["ai-inference"]).toBe(4);
    expect(elapsedMs).toBeLessThan(2500); // far below the 3 s the AI queries hold their connections

    // Through the HTTP route too: an emergency alert while AI inference still saturates the pool.
    const alert = await app.inject({
      method: "POST", url: "/fhir/Communication", headers: { "content-type": "application/fhir+json" },
      payload: { resourceType: "Communication", status: "completed", priority: "stat", subject: { reference: "Patient/p-000001" }, payload: [{ contentString: "Rapid response to bed 2" }] },
    });
    expect(alert.statusCode).toBe(201);
    expect(aiDone.every((d) => !d.done)).toBe(true);
    // Health checks (system class) keep their reserved connection while AI inference floods the pool.
    const health = await app.inject({ method: "GET", url: "/health" });
    expect(health.json()).toMatchObject({ database: { status: "up" } });
    expect(health.statusCode).toBe(200);
    expect(aiDone.every((d) => !d.done)).toBe(true);
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toMatch(/clinical_db_pool_in_use\{class="ai-inference"\} 4/);
    expect(metrics).toMatch(/clinical_db_pool_waiting\{class="ai-inference"\} 4/);
    expect(metrics).toMatch(/clinical_db_pool_wait_seconds_sum\{class="emergency"\} 0\n/);
    expect(metrics).toMatch(/clinical_db_pool_size 10/);
    expect(metrics).toMatch(/clinical_db_pool_reserved\{class="emergency"\} 2/);

    await Promise.all(aiQueries);
    // The 4 queued AI queries waited for the first 4 to finish (~3 s).
    const aiWaits = waits.filter((w) => w.cls === "ai-inference").map((w) => w.s).sort((a, b) => a - b);
    expect(aiWaits.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(aiWaits[4]).toBeGreaterThan(2);
  }, 60_000);

  it("without reservations the same emergency query waits behind AI inference (the test can fail)", async () => {
    const db = clinical.db;
    const none: PoolSettings = { size: 4, classes: Object.fromEntries(Object.entries(DEFAULT_POOL_SETTINGS.classes).map(([c, v]) => [c, { ...v, reserved: 0 }])) as PoolSettings["classes"] };
    db.pool.apply({ version: 1, settings: none });
    const waits = recordWaits(db.pool);
    const ai = db.forClass("ai-inference");
    const aiQueries = Array.from({ length: 4 }, () => ai.query("test.slow_inference", "SELECT pg_sleep(1.5)"));
    await expect.poll(() => db.pool.stats().inUse["ai-inference"]).toBe(4);
    await db.forClass("emergency").query("test.emergency", "SELECT 1");
    expect(waits.find((w) => w.cls === "emergency")!.s).toBeGreaterThan(0.5);
    await Promise.all(aiQueries);
    db.pool.apply({ version: 2, settings: DEFAULT_POOL_SETTINGS });
  }, 60_000);

  it("cancels a class's statements after its own statement_timeout, and counts them", async () => {
    const db = clinical.db;
    const classes = { ...DEFAULT_POOL_SETTINGS.classes, "ai-inference": { reserved: 0, statementTimeoutMs: 300 } };
    db.pool.apply({ version: 3, settings: { ...DEFAULT_POOL_SETTINGS, classes } });
    const started = performance.now();
    await expect(db.forClass("ai-inference").query("test.slow_inference", "SELECT pg_sleep(5)")).rejects.toMatchObject({ code: "57014" });
    expect(performance.now() - started).toBeLessThan(3000);
    // The same connections serve other classes with their own timeouts.
    for (let i = 0; i < 3; i++) {
      expect((await db.forClass("ai-inference").query<{ statement_timeout: string }>("test.show", "SHOW statement_timeout"))[0]!.statement_timeout).toBe("300ms");
      expect((await db.forClass("emergency").query<{ statement_timeout: string }>("test.show", "SHOW statement_timeout"))[0]!.statement_timeout).toBe("10s");
      expect((await db.forClass("patient-data").query<{ statement_timeout: string }>("test.show", "SHOW statement_timeout"))[0]!.statement_timeout).toBe("5s");
    }
    await db.forClass("emergency").query("test.emergency_sleep", "SELECT pg_sleep(0.5)");
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toMatch(/clinical_db_pool_timeouts_total\{class="ai-inference",kind="statement"\} 1/);
  }, 60_000);
});
