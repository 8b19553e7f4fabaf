import { join } from "node:path";
import pg from "pg";
import { pg_stat_statements } from "@electric-sql/pglite/contrib/pg_stat_statements";
import { from as copyFrom } from "pg-copy-streams";
import { openPglite, pgliteSqlClient, pgSqlClient, type SqlClient } from "../../../lib/db/sql-client";
import { loadMigrations, migrate } from "../../../lib/db/migrator";

/** Loads tab-separated rows (PostgreSQL text COPY format) into a table. */
export type CopyRows = (table: string, columns: readonly string[], tsv: string) => Promise<void>;

export type QueryObserver = (name: string, seconds: number, ok: boolean) => void;

/** The one interface the service's hot path uses: named, parametrised SQL. */
export interface ClinicalDb {
  readonly kind: "pglite" | "postgres";
  /** `name` labels the query-duration metric (e.g. `patient.read`); never put values in it. */
  query<T = Record<string, unknown>>(name: string, sql: string, params?: unknown[]): Promise<T[]>;
  /** A single connection for multi-statement scripts (migrations, seeding). */
  scriptClient(): Promise<SqlClient>;
  /** Runs `fn` in one transaction on one connection with COPY available (bulk seeding). */
  bulk<T>(fn: (copy: CopyRows, exec: (sql: string) => Promise<void>) => Promise<T>): Promise<T>;
  observe(observer: QueryObserver): void;
  close(): Promise<void>;
}

export const CLINICAL_MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "migrations");

type RawQuery = (sql: string, params?: unknown[]) => Promise<unknown[]>;

type Backend = Pick<ClinicalDb, "kind" | "scriptClient" | "bulk" | "close"> & { raw: RawQuery };

function timed({ kind, raw, scriptClient, bulk, close }: Backend): ClinicalDb {
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
    bulk,
    observe: (o) => void observers.push(o),
    close,
  };
}

/** A clinician waiting longer than this gets a 503 and the query is cancelled, not left running. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

export async function openClinicalDb(opts: { url?: string; dataDir: string; statementTimeoutMs?: number }): Promise<ClinicalDb> {
  return opts.url
    ? postgresBackend(opts.url, opts.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS)
    : pgliteBackend(join(opts.dataDir, "clinical"));
}

const copySql = (table: string, columns: readonly string[], source: string) =>
  `COPY ${table} (${columns.join(", ")}) FROM ${source}`;

function postgresBackend(url: string, statementTimeoutMs: number): ClinicalDb {
  const pool = new pg.Pool({ connectionString: url, max: 10, statement_timeout: statementTimeoutMs });
  return timed({
    kind: "postgres",
    raw: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
    scriptClient: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return pgSqlClient(client, () => client.end());
    },
    bulk: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SET LOCAL statement_timeout = 0"); // bulk loads run for minutes
        const copy: CopyRows = (table, columns, tsv) =>
          new Promise((resolve, reject) => {
            const stream = client.query(copyFrom(copySql(table, columns, "STDIN")));
            stream.on("finish", resolve).on("error", reject);
            stream.end(tsv);
          });
        const result = await fn(copy, async (sql) => void (await client.query(sql)));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  });
}

async function pgliteBackend(dir: string): Promise<ClinicalDb> {
  // pg_stat_statements ships with PGlite as a contrib extension (no preload needed): it feeds
  // the console's database insight and the index advisor from the embedded service's workload.
  const lite = await openPglite(dir, { pg_stat_statements });
  await lite.exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  return timed({
    kind: "pglite",
    raw: async (sql, params) => (await lite.query(sql, params)).rows,
    // PGlite allows one owner: scripts share the open instance and must not close it.
    scriptClient: async () => pgliteSqlClient(lite, false),
    bulk: (fn) =>
      lite.transaction((tx) =>
        fn(
          async (table, columns, tsv) => void (await tx.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([tsv]) })),
          async (sql) => void (await tx.exec(sql)),
        ),
      ),
    close: () => lite.close(),
  });
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
