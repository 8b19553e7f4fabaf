import type { AdvisorDb } from "./types";

/** A required extension is missing; `fix` holds the exact commands that enable it. */
export class MissingExtensionError extends Error {
  constructor(message: string, readonly fix: string[]) {
    super(message);
    this.name = "MissingExtensionError";
  }
}

async function installed(db: AdvisorDb, name: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM pg_extension WHERE extname = $1", [name]);
  return rows.length > 0;
}

async function facts(db: AdvisorDb) {
  const { rows } = await db.query<{ db: string; major: number; preload: string | null; hypopg: boolean }>(
    `SELECT current_database() AS db, current_setting('server_version_num')::int / 10000 AS major,
            current_setting('shared_preload_libraries', true) AS preload,
            EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg') AS hypopg`,
  );
  return rows[0]!;
}

/** pg_stat_statements must be created and loaded; otherwise the fix, command by command. */
export async function requireStatStatements(db: AdvisorDb): Promise<void> {
  const f = await facts(db);
  const preload = (f.preload ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const restart = [
    `psql -d ${f.db} -c "ALTER SYSTEM SET shared_preload_libraries = '${[...preload.filter((p) => p !== "pg_stat_statements"), "pg_stat_statements"].join(", ")}'"`,
    `pg_ctlcluster ${f.major} main restart   # or: systemctl restart postgresql`,
  ];
  const create = `psql -d ${f.db} -c 'CREATE EXTENSION pg_stat_statements;'`;
  if (!(await installed(db, "pg_stat_statements"))) {
    throw new MissingExtensionError("pg_stat_statements is not enabled in this database", f.preload !== null && !preload.includes("pg_stat_statements") ? [...restart, create] : [create]);
  }
  try {
    await db.query("SELECT 1 FROM pg_stat_statements LIMIT 1");
  } catch {
    throw new MissingExtensionError("pg_stat_statements is created but not loaded (shared_preload_libraries)", restart);
  }
}

/** HypoPG must be created; otherwise the commands that install and create it. */
export async function requireHypopg(db: AdvisorDb): Promise<void> {
  if (await installed(db, "hypopg")) return;
  const f = await facts(db);
  const create = `psql -d ${f.db} -c 'CREATE EXTENSION hypopg;'`;
  throw new MissingExtensionError(
    "HypoPG is not enabled in this database (the advisor's hypothetical indexes need it)",
    f.hypopg ? [create] : [`apt-get install -y postgresql-${f.major}-hypopg`, create],
  );
}
