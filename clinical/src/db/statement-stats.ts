import type { ClinicalDb } from "./query";

/**
 * Creates pg_stat_statements when this connection may (PGlite always; PostgreSQL as a superuser
 * with the library preloaded). Without the privilege nothing changes and the console's Database
 * page shows the commands to run instead; start-up never fails over it.
 */
export async function enableStatementStats(db: ClinicalDb): Promise<boolean> {
  try {
    await db.query("startup.statement_stats", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    return true;
  } catch {
    return false;
  }
}
