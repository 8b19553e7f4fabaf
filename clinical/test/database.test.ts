import { describe, expect, it } from "vitest";
import { migrateClinicalDb } from "../src/db/query";
import { loadHospital } from "../src/seed/load-hospital";
import { generateHospital } from "../src/seed/generate-hospital";
import { syntheticPatients } from "../src/seed/synthetic-patients";
import { clinicalDbKinds, useClinicalDb } from "./support";

const ANCHOR = new Date("2026-11-26T08:00:00Z");

describe("synthetic hospital generator", () => {
  const rows = (seed: number, anchor = ANCHOR) => [...generateHospital({ patients: 200, seed, anchor, chunkSize: 64 })].map((c) => c.rows);

  it("yields the same rows for the same seed and anchor, different rows otherwise", () => {
    const a = rows(5);
    expect(rows(5)).toEqual(a);
    expect(rows(6)).not.toEqual(a);
    expect(rows(5, new Date(ANCHOR.getTime() + 3_600_000))).not.toEqual(a);
  });

  it("has a ward census, emergency patients, vital signs for inpatients and a hot ICU patient", () => {
    const all = rows(5).map((r) => r.encounters).join("");
    expect(all).toMatch(/\tIMP\tin-progress\tward-/);
    expect(all).toMatch(/^e-000001-\d+\tp-000001\tIMP\tin-progress\ticu-1/m);
    const obs = rows(5).map((r) => r.observations).join("");
    for (const code of ["8867-4", "9279-1", "59408-5", "8480-6", "8310-5", "67775-7", "3150-0", "2160-0"]) expect(obs).toContain(`\t${code}\t`);
  });
});

describe("synthetic patients", () => {
  it("are deterministic for a seed and differ between seeds", () => {
    const a = [...syntheticPatients(50, 7)];
    expect([...syntheticPatients(50, 7)]).toEqual(a);
    expect([...syntheticPatients(50, 8)]).not.toEqual(a);
  });

  it("are marked synthetic in name and identifier", () => {
    for (const p of syntheticPatients(100, 1)) {
      expect(p.family).toMatch(/-Synthetic$/);
      expect(p.mrn).toMatch(/^SYN-\d{7}$/);
    }
  });
});

describe.each(clinicalDbKinds())("clinical database on %s", (kind) => {
  const ctx = useClinicalDb(kind);

  it("applies nothing on a second migration", async () => {
    expect(await migrateClinicalDb(ctx.db)).toEqual([]);
  });

  it("ships with primary keys only: no secondary index to find for the optimiser", async () => {
    const rows = await ctx.db.query<{ indexname: string }>("test.indexes", "SELECT indexname FROM pg_indexes WHERE tablename = 'patients'");
    expect(rows.map((r) => r.indexname)).toEqual(["patients_pkey"]);
  });

  it("ships with primary keys only on every clinical table", async () => {
    const rows = await ctx.db.query<{ indexname: string }>(
      "test.indexes",
      "SELECT indexname FROM pg_indexes WHERE tablename IN ('encounters', 'observations', 'communications') ORDER BY indexname",
    );
    expect(rows.map((r) => r.indexname)).toEqual(["communications_pkey", "encounters_pkey", "observations_pkey"]);
  });

  it("loads exactly what the generator yields, with COPY, and only once", async () => {
    const opts = { patients: 300, seed: 3, anchor: ANCHOR };
    const expected = { patients: 0, encounters: 0, observations: 0 };
    for (const c of generateHospital(opts)) for (const k of Object.keys(expected) as (keyof typeof expected)[]) expected[k] += c.counts[k];
    const progress: number[] = [];
    expect(await loadHospital(ctx.db, opts, (p) => progress.push(p.patientsDone))).toEqual({ inserted: expected });
    expect(progress.at(-1)).toBe(300);
    expect(await loadHospital(ctx.db, opts)).toEqual({ skipped: true });
    const [counts] = await ctx.db.query<Record<string, number>>(
      "test.counts",
      "SELECT (SELECT count(*)::int FROM patients) AS patients, (SELECT count(*)::int FROM encounters) AS encounters, (SELECT count(*)::int FROM observations) AS observations",
    );
    expect(counts).toEqual(expected);
    const demo = [...syntheticPatients(300, 3)][123]!;
    const [row] = await ctx.db.query<{ mrn: string; family: string; birth: string }>(
      "test.read",
      "SELECT mrn, family, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM patients WHERE id = $1",
      [demo.id],
    );
    expect(row).toEqual({ mrn: demo.mrn, family: demo.family, birth: demo.birthDate });
    const [orphans] = await ctx.db.query<{ n: number }>(
      "test.orphans",
      "SELECT count(*)::int AS n FROM observations o WHERE NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = o.patient_id)",
    );
    expect(orphans!.n).toBe(0);
  });
});
