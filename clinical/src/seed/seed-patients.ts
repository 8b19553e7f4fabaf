import type { ClinicalDb } from "../db/query";
import { syntheticPatients, type SyntheticPatient } from "./synthetic-patients";

const BATCH_SIZE = 1000;

/** Inserts synthetic patients in multi-row batches; skips entirely when patients exist. */
export async function seedPatients(db: ClinicalDb, count: number, seed: number): Promise<{ inserted: number }> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>("seed.count", "SELECT count(*)::int AS n FROM patients");
  if (n > 0) return { inserted: 0 };
  let batch: SyntheticPatient[] = [];
  let inserted = 0;
  for (const p of syntheticPatients(count, seed)) {
    batch.push(p);
    if (batch.length === BATCH_SIZE) inserted += await insertBatch(db, batch), (batch = []);
  }
  if (batch.length) inserted += await insertBatch(db, batch);
  return { inserted };
}

async function insertBatch(db: ClinicalDb, rows: SyntheticPatient[]): Promise<number> {
  const values: unknown[] = [];
  const tuples = rows.map((r, i) => {
    values.push(r.id, r.mrn, r.family, r.given, r.gender, r.birthDate);
    const o = i * 6;
    return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6})`;
  });
  await db.query("seed.insert_patients", `INSERT INTO patients (id, mrn, family, given, gender, birth_date) VALUES ${tuples.join(",")}`, values);
  return rows.length;
}
