import { join } from "node:path";
import pg from "pg";
import { openPglite, pgliteSqlClient, pgSqlClient, type SqlClient } from "../../../lib/db/sql-client";
import { loadMigrations, migrate } from "../../../lib/db/migrator";

export type QueryObserver = (name: string, seconds: number, ok: boolean) => void;

/** The one interface the service's hot path uses: named, parametrised SQL. */
export interface ClinicalDb {
  readonly kind: "pglite" | "postgres";
  /** `name` labels the query-duration metric (e.g. `patient.read`); never put values in it. */
  query<T = Record<string, unknown>>(name: string, sql: string, params?: unknown[]): Promise<T[]>;
  /** A single connection for multi-statement scripts (migrations, seeding). */
  scriptClient(): Promise<SqlClient>;
  observe(observer: QueryObserver): void;
  close(): Promise<void>;
}

export const CLINICAL_MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "migrations");

type RawQuery = (sql: string, params?: unknown[]) => Promise<unknown[]>;

function timed(kind: ClinicalDb["kind"], raw: RawQuery, scriptClient: () => Promise<SqlClient>, close: () => Promise<void>): ClinicalDb {
  const observers: QueryObserver[] = [];
  return {
    kind,
    async query<T>(name: string, sql: string, params?: unknown[]) {
      const started = performance.now();
      let ok = false;
      try {
        const rows = (await raw(sql, params)) as T[];
        ok = true;
        return rows;
      } finally {
        const seconds = (performance.now() - started) / 1000;
        for (const o of observers) o(name, seconds, ok);
      }
    },
    scriptClient,
    observe: (o) => void observers.push(o),
    close,
  };
}

export async function openClinicalDb(opts: { url?: string; dataDir: string }): Promise<ClinicalDb> {
  if (opts.url) {
    const url = opts.url;
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return timed(
      "postgres",
      async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
      async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        return pgSqlClient(client, () => client.end());
      },
      () => pool.end(),
    );
  }
  const lite = await openPglite(join(opts.dataDir, "clinical"));
  return timed(
    "pglite",
    async (sql, params) => (await lite.query(sql, params)).rows,
    // PGlite allows one owner: scripts share the open instance and must not close it.
    async () => pgliteSqlClient(lite, false),
    () => lite.close(),
  );
}

/** Applies the service's own migrations through the shared migrator. */
export async function migrateClinicalDb(db: ClinicalDb): Promise<string[]> {
  const sql = await db.scriptClient();
  try {
    return await migrate(sql, loadMigrations(CLINICAL_MIGRATIONS_DIR), { table: "_clinical_migrations" });
  } finally {
    await sql.close();
  }
}
