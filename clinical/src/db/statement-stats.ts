import type { ClinicalDb } from "./query";

/**
 * The extensions the console's Database page reads through: pg_stat_statements (insight and the
 * advisor's workload) and, on PostgreSQL, HypoPG (the advisor's hypothetical indexes). Created
 * when this connection may (PGlite: pg_stat_statements always; PostgreSQL: as a superuser with
 * the packages installed and pg_stat_statements preloaded). Without the privilege nothing changes
 * and the page shows the commands to run instead; start-up never fails over it.
 */
export async function enableStatementStats(db: ClinicalDb): Promise<string[]> {
  const wanted = db.kind === "postgres" ? ["pg_stat_statements", "hypopg"] : ["pg_stat_statements"];
  const created: string[] = [];
  for (const ext of wanted) {
    try {
      await db.query("startup.extension", `CREATE EXTENSION IF NOT EXISTS ${ext}`);
      created.push(ext);
    } catch {
      // not permitted or not installed: reported on the Database page with the fix
    }
  }
  return created;
}
