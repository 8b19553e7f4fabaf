import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp } from "./auth-support";
import { loadHospital } from "../src/seed/load-hospital";
import { adminHeaders } from "@/core/engines/cache/signature";
import type { DatabaseInsight } from "@/core/engines/db-insight/types";
import { clinicalDbKinds, useClinicalDb } from "./support";

const SECRET = "test-only-clinical-admin-secret-0123456789";
const PATH = "/admin/database/insight";

describe.each(clinicalDbKinds())("GET /admin/database/insight on %s", (kind) => {
  const ctx = useClinicalDb(kind);
  let app: FastifyInstance;

  beforeAll(async () => {
    if (kind === "postgres") await ctx.db.query("test.ext", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    await loadHospital(ctx.db, { patients: 30, seed: 4, anchor: new Date("2026-11-26T08:00:00Z") });
    app = await buildTestClinicalApp({ db: ctx.db, logLevel: "silent", cache: { mode: "off", adminSecret: SECRET } });
    for (let i = 1; i <= 4; i++) {
      const res = await app.inject({ method: "GET", url: `/fhir/Observation?patient=p-00000${i}&category=vital-signs&_sort=-date&_count=10` });
      expect(res.statusCode).toBe(200);
    }
  });
  afterAll(() => app?.close());

  const get = () => app.inject({ method: "GET", url: PATH, headers: adminHeaders(SECRET, "GET", PATH, "") });

  it("names the service's statements with their calls and shares", async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    const { kind: k, insight } = res.json() as { kind: string; insight: DatabaseInsight };
    expect(k).toBe(kind);
    expect(insight.statements.available).toBe(true);
    if (!insight.statements.available) return;
    // One statement per search: the page joined to its total (PostgreSQL records its `ON true` as a constant).
    const search = insight.statements.top.filter((q) => q.name === "observation.search_vital-signs");
    expect(search.reduce((s, q) => s + q.calls, 0)).toBe(4);
    expect(insight.tables.map((t) => t.table)).toEqual(expect.arrayContaining(["patients", "encounters", "observations"]));
    expect(insight.indexes.find((i) => i.index === "observations_pkey")).toMatchObject({ primary: true, valid: true });
  });

  it("refuses an unsigned call", async () => {
    expect((await app.inject({ method: "GET", url: PATH })).statusCode).toBe(401);
  });
});
