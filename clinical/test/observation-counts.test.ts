import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Bundle, Observation } from "fhir/r4";
import { buildTestClinicalApp } from "./auth-support";
import { loadHospital } from "../src/seed/load-hospital";
import { clinicalDbKinds, useClinicalDb } from "./support";

/**
 * Bundle.total of a patient's observation search is read from observation_counts, which
 * statement-level triggers keep in step with observations. Every way rows change must keep the
 * two equal, and the one-statement page (total joined to the rows) must answer empty and deep
 * pages correctly.
 */
describe.each(clinicalDbKinds())("observation counts on %s", (kind) => {
  const ctx = useClinicalDb(kind);
  let app: FastifyInstance;

  beforeAll(async () => {
    await loadHospital(ctx.db, { patients: 40, seed: 9, anchor: new Date("2026-11-26T08:00:00Z") });
    app = await buildTestClinicalApp({ db: ctx.db, logLevel: "silent", cache: { mode: "off" } });
  });
  afterAll(() => app?.close());

  /** Keys whose kept count differs from a fresh count of the rows (zero counts left behind are equal to none). */
  const drift = () =>
    ctx.db.query<{ patient_id: string; category: string; kept: number; actual: number }>(
      "test.drift",
      `SELECT coalesce(c.patient_id, o.patient_id) AS patient_id, coalesce(c.category, o.category) AS category,
              coalesce(c.n, 0)::int AS kept, coalesce(o.n, 0)::int AS actual
         FROM observation_counts c
         FULL JOIN (SELECT patient_id, category, count(*) AS n FROM observations GROUP BY 1, 2) o
           ON o.patient_id = c.patient_id AND o.category = c.category
        WHERE coalesce(c.n, 0) <> coalesce(o.n, 0)`,
      [],
    );
  const actual = async (patient: string, category: string) =>
    (await ctx.db.query<{ n: number }>("test.count", "SELECT count(*)::int AS n FROM observations WHERE patient_id = $1 AND category = $2", [patient, category]))[0]!.n;
  const search = async (url: string) => {
    const res = await app.inject({ method: "GET", url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Bundle<Observation>;
  };

  it("matches the seeded rows, loaded in bulk", async () => {
    expect(await drift()).toEqual([]);
    const kept = await ctx.db.query<{ n: number }>("test.kept", "SELECT count(*)::int AS n FROM observation_counts WHERE n > 0", []);
    expect(kept[0]!.n).toBeGreaterThan(20); // the drift check above compares something: most patients have observations
  });

  it("answers Bundle.total from the kept count, on the first, a deep and an empty page", async () => {
    const n = await actual("p-000001", "vital-signs");
    expect(n).toBeGreaterThan(25);
    const first = await search("/fhir/Observation?patient=p-000001&category=vital-signs&_count=10");
    expect(first.total).toBe(n);
    expect(first.entry).toHaveLength(10);
    const deep = await search(`/fhir/Observation?patient=p-000001&category=vital-signs&_count=10&_offset=${n - 3}`);
    expect(deep.total).toBe(n);
    expect(deep.entry).toHaveLength(3);
    // The deep page continues the same order: newest first, its entries are the three oldest.
    const oldest = await search("/fhir/Observation?patient=p-000001&category=vital-signs&_sort=date&_count=3");
    expect(deep.entry!.map((e) => e.resource!.id)).toEqual(oldest.entry!.map((e) => e.resource!.id).reverse());
    const past = await search(`/fhir/Observation?patient=p-000001&category=vital-signs&_count=10&_offset=${n + 5}`);
    expect(past.total).toBe(n);
    expect(past.entry ?? []).toEqual([]);
    const none = await search("/fhir/Observation?patient=p-no-such&category=vital-signs");
    expect(none.total).toBe(0);
    expect(none.entry ?? []).toEqual([]);
    const any = await search("/fhir/Observation?patient=p-000001&_count=1");
    expect(any.total).toBe(n + (await actual("p-000001", "laboratory")));
  });

  it("counts the matches when a code or date narrows the search", async () => {
    const [{ n }] = (await ctx.db.query<{ n: number }>(
      "test.count_code", "SELECT count(*)::int AS n FROM observations WHERE patient_id = 'p-000001' AND category = 'vital-signs' AND code = '8867-4'", [],
    )) as [{ n: number }];
    const b = await search("/fhir/Observation?patient=p-000001&category=vital-signs&code=8867-4&_count=1");
    expect(b.total).toBe(n);
    expect(n).toBeLessThan(await actual("p-000001", "vital-signs"));
  });

  it("follows a recorded vital sign into the total", async () => {
    const before = await actual("p-000002", "vital-signs");
    const res = await app.inject({
      method: "POST",
      url: "/fhir/Observation",
      payload: {
        resourceType: "Observation", status: "final",
        category: [{ coding: [{ code: "vital-signs" }] }],
        code: { coding: [{ code: "8867-4" }] },
        subject: { reference: "Patient/p-000002" },
        effectiveDateTime: "2026-11-26T08:30:00Z",
        valueQuantity: { value: 88, unit: "/min" },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await search("/fhir/Observation?patient=p-000002&category=vital-signs&_count=1")).total).toBe(before + 1);
  });

  it("stays equal through multi-row inserts, updates that move rows, deletes and truncation", async () => {
    await ctx.db.query("test.insert", `INSERT INTO observations (id, patient_id, category, code, value_num, unit, effective_at)
      SELECT nextval('observations_id_seq'), 'p-000003', c, '8867-4', 70 + g, '/min', now() - g * interval '1 minute'
        FROM generate_series(1, 7) g, unnest(ARRAY['vital-signs', 'laboratory']) c`, []);
    expect(await drift()).toEqual([]);
    // Move some of p-000003's rows to p-000004 and some vital signs into laboratory, in one statement.
    await ctx.db.query("test.update", `UPDATE observations SET
        patient_id = CASE WHEN id % 2 = 0 THEN 'p-000004' ELSE patient_id END,
        category = CASE WHEN id % 3 = 0 THEN 'laboratory' ELSE category END
      WHERE patient_id = 'p-000003'`, []);
    expect(await drift()).toEqual([]);
    // An update that changes neither key (a correction of the value) leaves the counts as they are.
    await ctx.db.query("test.correct", "UPDATE observations SET value_num = value_num + 1 WHERE patient_id = 'p-000004'", []);
    expect(await drift()).toEqual([]);
    await ctx.db.query("test.delete", "DELETE FROM observations WHERE patient_id IN ('p-000004', 'p-000005') AND id % 4 <> 1", []);
    expect(await drift()).toEqual([]);
    expect((await search("/fhir/Observation?patient=p-000004&category=laboratory&_count=1")).total).toBe(await actual("p-000004", "laboratory"));
    await ctx.db.query("test.truncate", "TRUNCATE observations", []);
    expect(await drift()).toEqual([]);
    expect((await search("/fhir/Observation?patient=p-000001&category=vital-signs")).total).toBe(0);
  });
});
