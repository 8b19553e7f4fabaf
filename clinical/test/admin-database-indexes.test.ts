import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp } from "./auth-support";
import { loadHospital } from "../src/seed/load-hospital";
import { adminHeaders } from "@/core/engines/cache/signature";
import type { Advice, Suggestion } from "@/core/engines/index-advisor/types";
import { clinicalDbKinds, useClinicalDb } from "./support";

const SECRET = "test-only-clinical-admin-secret-0123456789";
const BASE = "/admin/database/indexes";

describe.each(clinicalDbKinds())("index advice, build and drop through /admin/database/indexes on %s", (kind) => {
  const ctx = useClinicalDb(kind);
  let app: FastifyInstance;

  beforeAll(async () => {
    if (kind === "postgres") await ctx.db.query("test.ext", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; CREATE EXTENSION IF NOT EXISTS hypopg");
    await loadHospital(ctx.db, { patients: 40, seed: 4, anchor: new Date("2026-11-26T08:00:00Z") });
    await ctx.db.query("test.analyze", "ANALYZE");
    app = await buildTestClinicalApp({ db: ctx.db, logLevel: "silent", cache: { mode: "off", adminSecret: SECRET } });
    // The slow workload: vital signs by patient, a sequential scan of observations each time.
    for (let i = 1; i <= 12; i++) {
      const res = await app.inject({ method: "GET", url: `/fhir/Observation?patient=p-0000${String(i).padStart(2, "0")}&category=vital-signs&_sort=-date&_count=10` });
      expect(res.statusCode).toBe(200);
    }
  }, 180_000);
  afterAll(() => app?.close());

  const post = (op: string, body: unknown, secret = SECRET) => {
    const path = `${BASE}/${op}`;
    const text = JSON.stringify(body);
    return app.inject({ method: "POST", url: path, payload: text, headers: { ...adminHeaders(secret, "POST", path, text), "content-type": "application/json" } });
  };
  const indexNames = async () =>
    (await ctx.db.query<{ indexname: string }>("test.indexes", "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'observations' ORDER BY 1")).map((r) => r.indexname);
  const observationSuggestion = (advice: Advice) => advice.suggestions.find((s) => s.table === "observations" && s.columns[0]?.name === "patient_id");

  let suggestion: Suggestion;

  it("advises an index for the observation searches by patient, with the DDL this database runs", async () => {
    const res = await post("advise", { minCalls: 10 });
    expect(res.statusCode, res.body).toBe(200);
    const { advice, fingerprints } = res.json() as { advice: Advice; fingerprints: Record<string, string | null> };
    expect(advice.method).toBe(kind === "pglite" ? "transaction" : "hypopg");
    suggestion = observationSuggestion(advice)!;
    expect(suggestion, JSON.stringify(advice.suggestions.map((s) => s.ddl))).toBeDefined();
    expect(suggestion.ddl).toMatch(kind === "pglite" ? /^CREATE INDEX observations_patient_id/ : /^CREATE INDEX CONCURRENTLY observations_patient_id/);
    expect(suggestion.costAfter).toBeLessThan(suggestion.costBefore * 0.5);
    expect(fingerprints["public.observations"]).toMatch(/^[0-9a-f]{32}$/);
    // The what-if left nothing behind, and the service is not left inside a transaction.
    expect(await indexNames()).toEqual(["observations_pkey"]);
  });

  it("an exclusive session (what every index route runs on) keeps a concurrent write out of its rolled-back transaction", async () => {
    await ctx.db.query("test.probe", "CREATE TABLE IF NOT EXISTS exclusive_probe (n int)");
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    // What the what-if does: BEGIN, build, EXPLAIN, ROLLBACK; a ward's write arrives meanwhile.
    const held = ctx.db.exclusive(async (sql) => {
      await sql.query("BEGIN");
      entered();
      await new Promise((r) => setTimeout(r, 200));
      await sql.query("ROLLBACK");
    });
    await inside;
    const write = ctx.db.forClass("patient-data").query("test.probe", "INSERT INTO exclusive_probe VALUES (1)");
    await Promise.all([held, write]);
    expect(await ctx.db.query("test.probe", "SELECT n FROM exclusive_probe")).toEqual([{ n: 1 }]);
    await ctx.db.query("test.probe", "DROP TABLE exclusive_probe");
  });

  it("checks, re-checks, builds the suggested index, refuses it twice, and no longer suggests it", async () => {
    const candidate = { schema: suggestion.schema, table: suggestion.table, name: suggestion.name, columns: suggestion.columns, where: suggestion.where };
    expect((await post("ensure-absent", { candidate })).json()).toEqual({ absent: true });
    const recheck = await post("recheck", { candidate: { ...candidate, name: undefined }, queries: suggestion.queries.map((q) => q.query) });
    expect(recheck.statusCode, recheck.body).toBe(200);
    expect(recheck.json()).toMatchObject({ stillHelps: true });
    const means = (await post("statement-means", { queryIds: suggestion.queries.map((q) => q.queryId) })).json() as { means: Record<string, { calls: number }> };
    expect(means.means[suggestion.queries[0]!.queryId]!.calls).toBeGreaterThanOrEqual(10);
    const before = (await post("fingerprint", { schema: "public", table: "observations" })).json() as { fingerprint: string };

    const built = await post("build", { candidate });
    expect(built.statusCode, built.body).toBe(200);
    const { ms, ddl } = built.json() as { ms: number; ddl: string };
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ddl).toBe(suggestion.ddl);
    if (kind === "pglite") expect(ddl).not.toContain("CONCURRENTLY");
    expect(await indexNames()).toContain(suggestion.name);
    const after = (await post("fingerprint", { schema: "public", table: "observations" })).json() as { fingerprint: string };
    expect(after.fingerprint).not.toBe(before.fingerprint);

    const again = await post("build", { candidate });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "conflict", diagnostics: `An index named ${suggestion.name} already exists on public.observations.` }] });
    expect((await post("ensure-absent", { candidate })).statusCode).toBe(409);

    const readvised = (await post("advise", { minCalls: 10 })).json() as { advice: Advice };
    // That index is not suggested again (another Observation statement may still want its own).
    expect(readvised.advice.suggestions.map((s) => s.name)).not.toContain(suggestion.name);
    expect(readvised.advice.suggestions.every((s) => s.table !== "observations" || s.columns.map((c) => c.name).join() !== suggestion.columns.map((c) => c.name).join())).toBe(true);
  });

  it("refuses a second build while one runs (one at a time), and reports the running one", async () => {
    const enc = { schema: "public", table: "encounters", name: "encounters_status_idx", columns: [{ name: "status", desc: false }], where: [] };
    const obs = { schema: "public", table: "observations", name: "observations_code_idx", columns: [{ name: "code", desc: false }], where: [] };
    const progressPath = `${BASE}/progress`;
    const progress = () => app.inject({ method: "GET", url: progressPath, headers: adminHeaders(SECRET, "GET", progressPath, "") });
    if (kind === "pglite") {
      // Hold the one PGlite session, so the first build is running (waiting for it) when the second arrives.
      let release!: () => void;
      const held = ctx.db.exclusive(() => new Promise<void>((r) => (release = r)));
      const first = post("build", { candidate: obs });
      await new Promise((r) => setTimeout(r, 300));
      const running = await progress();
      expect(running.json()).toMatchObject({ builds: [{ index: "observations_code_idx", table: "observations", fraction: null }] });
      const second = await post("build", { candidate: enc });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ issue: [{ code: "conflict", diagnostics: expect.stringContaining("Another index build or drop is running") }] });
      release();
      await held;
      expect((await first).statusCode).toBe(200);
      expect((await post("drop", { schema: "public", name: obs.name })).json()).toEqual({ existed: true });
    } else {
      // Another session holds the engine's advisory lock (a build from another console, say).
      const other = await ctx.db.scriptClient();
      try {
        await other.query("SELECT pg_advisory_lock(7316014)");
        const refused = await post("build", { candidate: enc });
        expect(refused.statusCode).toBe(409);
        expect(refused.json()).toMatchObject({ issue: [{ diagnostics: expect.stringContaining("Another index build or drop is running") }] });
      } finally {
        await other.close();
      }
    }
    expect((await progress()).json()).toEqual({ builds: [] });
    expect(await indexNames()).toEqual([suggestion.name, "observations_pkey"].sort());
  });

  it("a build the database refuses is a 422 with its message, leaves no index behind, and the service keeps serving", async () => {
    const broken = { schema: "public", table: "observations", name: "observations_no_such_column_idx", columns: [{ name: "no_such_column", desc: false }], where: [] };
    const res = await post("build", { candidate: broken });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ issue: [{ code: "processing", diagnostics: expect.stringContaining("no_such_column") }] });
    expect(await indexNames()).toEqual([suggestion.name, "observations_pkey"].sort());
    expect((await app.inject({ method: "GET", url: "/fhir/Observation?patient=p-000002&category=vital-signs&_count=1" })).statusCode).toBe(200);
  });

  it("drops the built index", async () => {
    const dropped = await post("drop", { schema: "public", name: suggestion.name });
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(dropped.json()).toEqual({ existed: true });
    expect(await indexNames()).toEqual(["observations_pkey"]);
    expect((await post("drop", { schema: "public", name: suggestion.name })).json()).toEqual({ existed: false });
  });

  it("refuses unsigned or wrongly signed calls, and validates bodies", async () => {
    const path = `${BASE}/build`;
    const body = JSON.stringify({ candidate: { schema: "public", table: "observations", name: "x_idx", columns: [{ name: "code", desc: false }], where: [] } });
    expect((await app.inject({ method: "POST", url: path, payload: body, headers: { "content-type": "application/json" } })).statusCode).toBe(401);
    expect((await post("build", JSON.parse(body), "another-secret-that-is-long-enough-0123")).statusCode).toBe(401);
    expect((await app.inject({ method: "GET", url: `${BASE}/progress` })).statusCode).toBe(401);
    // Identifiers and predicates are checked before any SQL is written from them.
    const injected = await post("build", { candidate: { schema: "public", table: "observations", name: "x_idx", columns: [{ name: "code", desc: false }], where: [{ column: "code", sql: "= 1; DROP TABLE patients" }] } });
    expect(injected.statusCode).toBe(400);
    expect(injected.json()).toMatchObject({ issue: [{ code: "invalid", diagnostics: expect.stringContaining("candidate.where.0.sql") }] });
    expect((await post("drop", { schema: "public", name: 'x"; DROP TABLE patients; --' })).statusCode).toBe(400);
    expect((await post("advise", { minCalls: 0 })).statusCode).toBe(400);
    expect(await indexNames()).toEqual(["observations_pkey"]);
  });
});
