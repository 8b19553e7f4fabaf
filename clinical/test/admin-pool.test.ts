import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp } from "./auth-support";
import { adminHeaders } from "@/core/engines/cache/signature";
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from "@/core/engines/pool/policy";
import { useClinicalDb } from "./support";

const SECRET = "test-admin-secret-with-at-least-32-characters";
const PATH = "/admin/pool/settings";

const put = (app: FastifyInstance, body: unknown, headers?: Record<string, string>) => {
  const payload = JSON.stringify(body);
  return app.inject({ method: "PUT", url: PATH, payload, headers: { ...(headers ?? adminHeaders(SECRET, "PUT", PATH, payload)), "content-type": "application/json" } });
};

const withAi = (reserved: number, size = 10): PoolSettings => ({ size, classes: { ...DEFAULT_POOL_SETTINGS.classes, "ai-inference": { reserved, statementTimeoutMs: 2000 } } });

describe("pool settings control plane (signed)", () => {
  const clinical = useClinicalDb("pglite");
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent", cache: { adminSecret: SECRET } });
  });
  afterAll(async () => app?.close());

  it("starts on the defaults as version 0", async () => {
    const res = await app.inject({ method: "GET", url: PATH, headers: adminHeaders(SECRET, "GET", PATH, "") });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 0, settings: DEFAULT_POOL_SETTINGS, inUse: { emergency: 0 } });
  });

  it("refuses unsigned, wrongly signed, stale (replayed) and tampered calls with 401, applying nothing", async () => {
    const body = JSON.stringify({ version: 5, settings: withAi(1) });
    const unsigned = await app.inject({ method: "PUT", url: PATH, payload: body, headers: { "content-type": "application/json" } });
    const wrong = await put(app, JSON.parse(body), adminHeaders("another-secret-that-is-at-least-32-chars", "PUT", PATH, body));
    const stale = await put(app, JSON.parse(body), adminHeaders(SECRET, "PUT", PATH, body, Date.now() - 61_000));
    const signed = adminHeaders(SECRET, "PUT", PATH, body);
    const tampered = await app.inject({ method: "PUT", url: PATH, payload: body.replace('"reserved":1', '"reserved":3'), headers: { ...signed, "content-type": "application/json" } });
    expect([unsigned, wrong, stale, tampered].map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
    expect(clinical.db.pool.current.version).toBe(0);
  });

  it("applies a signed update for the very next query, well within 1 s, and refuses older versions", async () => {
    const t0 = Date.now();
    const res = await put(app, { version: 1, settings: withAi(1, 12) });
    expect(res.statusCode).toBe(200);
    expect(new Date(res.json().appliedAt).getTime() - t0).toBeLessThan(1000);
    expect(clinical.db.pool.gate.settings.size).toBe(12);
    expect(clinical.db.pool.timeoutMs("ai-inference")).toBe(2000);
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toMatch(/clinical_db_pool_size 12/);
    expect(metrics).toMatch(/clinical_db_pool_reserved\{class="ai-inference"\} 1/);
    expect((await put(app, { version: 1, settings: withAi(1, 12) })).statusCode).toBe(200); // idempotent replay of the same version
    expect((await put(app, { version: 1, settings: withAi(0, 12) })).statusCode).toBe(409);
    expect((await put(app, { version: 0, settings: DEFAULT_POOL_SETTINGS })).statusCode).toBe(409);
  });

  it("refuses bad settings naming the field, applying nothing", async () => {
    const sum = await put(app, { version: 2, settings: withAi(6, 10) }); // 2+2+1+6 > 10
    expect(sum.statusCode).toBe(400);
    expect(sum.json().issue[0].diagnostics).toMatch(/settings\.size/);
    const zero = await put(app, { version: 2, settings: withAi(0, 0) });
    expect(zero.json().issue[0].diagnostics).toMatch(/settings\.size/);
    const timeout = await put(app, { version: 2, settings: { ...withAi(0), classes: { ...withAi(0).classes, emergency: { reserved: 2, statementTimeoutMs: 10 } } } });
    expect(timeout.json().issue[0].diagnostics).toMatch(/settings\.classes\.emergency\.statementTimeoutMs/);
    expect(clinical.db.pool.current.version).toBe(1);
  });
});

describe("pool settings control plane without a secret", () => {
  const clinical = useClinicalDb("pglite");
  it("answers 503", async () => {
    const app = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent" });
    try {
      expect((await app.inject({ method: "GET", url: PATH })).statusCode).toBe(503);
    } finally {
      await app.close();
    }
  });
});
