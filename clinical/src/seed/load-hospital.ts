import type { ClinicalDb } from "../db/query";
import { generateHospital, type GenerateOptions } from "./generate-hospital";
import { TABLE_COLUMNS, type SeedTable } from "./tsv";

export type Progress = { patientsDone: number; patientsTotal: number; rows: Record<SeedTable, number> };

/**
 * Seeds an empty clinical database with the synthetic hospital using COPY, in one transaction:
 * a failed load leaves nothing behind. Skips when patients already exist.
 */
export async function loadHospital(
  db: ClinicalDb,
  opts: GenerateOptions,
  onProgress: (p: Progress) => void = () => {},
): Promise<{ inserted: Record<SeedTable, number> } | { skipped: true }> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>("seed.count", "SELECT count(*)::int AS n FROM patients");
  if (n > 0) return { skipped: true };
  const rows: Record<SeedTable, number> = { patients: 0, encounters: 0, observations: 0 };
  await db.bulk(async (copy, exec) => {
    for (const chunk of generateHospital(opts)) {
      for (const table of ["patients", "encounters", "observations"] as const) {
        if (chunk.counts[table]) await copy(table, TABLE_COLUMNS[table], chunk.rows[table]);
        rows[table] += chunk.counts[table];
      }
      onProgress({ patientsDone: chunk.patientsDone, patientsTotal: opts.patients, rows });
    }
    await exec(`SELECT setval('observations_id_seq', ${rows.observations + 1}, false)`);
  });
  // Fresh statistics, so the planner (and the later optimiser work) sees the real table sizes; and
  // vacuumed, as PostgreSQL's own advice after a bulk load: hint bits and the visibility map are
  // written now, not by the first clinicians' queries (index-only scans need the latter).
  // On its own session: the pool's system class would cancel it at 10 s on a large seed.
  const sql = await db.scriptClient();
  try {
    await sql.query("VACUUM (ANALYZE) patients, encounters, observations");
  } finally {
    await sql.close();
  }
  return { inserted: rows };
}
