import { describe, expect, it } from "vitest";
import { migrateClinicalDb } from "../src/db/query";
import { seedPatients } from "../src/seed/seed-patients";
import { syntheticPatients } from "../src/seed/synthetic-patients";
import { clinicalDbKinds, useClinicalDb } from "./support";

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

  it("seeds in batches, exactly what the generator yields, and only once", async () => {
    expect(await seedPatients(ctx.db, 2500, 3)).toEqual({ inserted: 2500 });
    expect(await seedPatients(ctx.db, 2500, 3)).toEqual({ inserted: 0 });
    const expected = [...syntheticPatients(2500, 3)][1234]!;
    const [row] = await ctx.db.query<{ mrn: string; family: string; birth: string }>(
      "test.read",
      "SELECT mrn, family, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM patients WHERE id = $1",
      [expected.id],
    );
    expect(row).toEqual({ mrn: expected.mrn, family: expected.family, birth: expected.birthDate });
  });
});
