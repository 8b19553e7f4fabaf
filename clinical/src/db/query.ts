import { join } from "node:path";
import pg from "pg";
import { pg_stat_statements } from "@electric-sql/pglite/contrib/pg_stat_statements";
import { from as copyFrom } from "pg-copy-streams";
import { openPglite, pgliteSqlClient, pgSqlClient, type SqlClient } from "@/core/db/sql-client";
import { loadMigrations, migrate } from "@/core/db/migrator";
import { DEFAULT_POOL_SETTINGS, type PoolClass, type PoolSettings } from "@/core/engines/pool/policy";
import { ClinicalPool } from "./pool";
import { PreparedStatements } from "./prepared-statements";

/** Loads tab-separated rows (PostgreSQL text COPY format) into a table. */
export type CopyRows = (table: string, columns: readonly string[], tsv: string) => Promise<void>;

export type QueryObserver = (name: string, seconds: number, ok: boolean) => void;

/** The one interface the service's hot path uses: named, parametrised SQL. */
export interface ClinicalDb {
  readonly kind: "pglite" | "postgres";
  /** The priority class this handle's queries are admitted as (`system` unless bound with forClass). */
  readonly poolClass: PoolClass;
  /** `name` labels the query-duration metric (e.g. `patient.read`); never put values in it. */
  query<T = Record<string, unknown>>(name: string, sql: string, params?: unknown[]): Promise<T[]>;
  /** The same database, its queries admitted through the priority pool as `cls`, with that class's statement_timeout. */
  forClass(cls: PoolClass): ClinicalDb;
  /** Reservations, borrowing and statement timeouts per class (shared by every handle). */
  readonly pool: ClinicalPool;
  /** A single connection for multi-statement scripts (migrations, seeding). */
  scriptClient(): Promise<SqlClient>;
  /**
   * Runs `fn` on a session of its own, outside any transaction, that no other query interleaves
   * with: its own connection on PostgreSQL (closed afterwards); on PGlite the one instance,
   * with every other query waiting until `fn` returns. Index work (what-if transactions, builds)
   * needs it: on the shared PGlite, a request's INSERT would otherwise land inside the
   * advisor's rolled-back transaction.
   */
  exclusive<T>(fn: (sql: SqlClient) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction on one connection with COPY available (bulk seeding). */
  bulk<T>(fn: (copy: CopyRows, exec: (sql: string) => Promise<void>) => Promise<T>): Promise<T>;
  observe(observer: QueryObserver): void;
  /** Opens the whole connection pool now (PostgreSQL; a no-op on PGlite), so the first burst of clinicians pays no connection set-up. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

export const CLINICAL_MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "migrations");

/** Runs one statement on a connection the caller's pool slot already covers. */
type RawQuery = (sql: string, params: unknown[] | undefined, cls: PoolClass) => Promise<unknown[]>;

type Backend = Pick<ClinicalDb, "kind" | "scriptClient" | "exclusive" | "bulk" | "warm" | "close"> & { raw: RawQuery };

function timed({ kind, raw, scriptClient, exclusive, bulk, warm, close }: Backend, pool: ClinicalPool): ClinicalDb {
  const observers: QueryObserver[] = [];
  const handle = (poolClass: PoolClass): ClinicalDb => ({
    kind,
    poolClass,
    async query<T>(name: string, sql: string, params?: unknown[]) {
      await pool.acquire(poolClass);
      const started = performance.now();
      let ok = false;
      try {
        const rows = (await raw(sql, params, poolClass)) as T[];
        ok = true;
        return rows;
      } catch (err) {
        if ((err as { code?: unknown })?.code === "57014") pool.statementTimedOut(poolClass);
        throw err;
      } finally {
        pool.release(poolClass);
        const seconds = (performance.now() - started) / 1000;
        for (const o of observers) o(name, seconds, ok);
      }
    },
    forClass: handle,
    pool,
    scriptClient,
    exclusive,
    bulk,
    observe: (o) => void observers.push(o),
    warm,
    close,
  });
  return handle("system");
}

export async function openClinicalDb(opts: { url?: string; dataDir: string; pool?: PoolSettings }): Promise<ClinicalDb> {
  const settings = opts.pool ?? DEFAULT_POOL_SETTINGS;
  return opts.url ? postgresBackend(opts.url, settings) : pgliteBackend(join(opts.dataDir, "clinical"), settings);
}

const copySql = (table: string, columns: readonly string[], source: string) =>
  `COPY ${table} (${columns.join(", ")}) FROM ${source}`;

const TIMEOUT_MS = Symbol("statementTimeoutMs");
type TrackedClient = pg.PoolClient & { [TIMEOUT_MS]?: number };

/** Connection-level failures destroy the connection; SQL errors (SQLSTATE codes) leave it usable. */
const brokenConnection = (err: unknown) => !(typeof (err as { code?: unknown })?.code === "string" && /^[0-9A-Z]{5}$/.test((err as { code: string }).code));

function postgresBackend(url: string, settings: PoolSettings): ClinicalDb {
  // min = max: a connection once opened stays open (pg closes idle ones after 10 s by default),
  // because a new PostgreSQL backend costs a fork and cold catalog caches, paid by whichever
  // clinician arrives first after a pause; the pool is small (10 by default), so this is cheap.
  const connections = new pg.Pool({ connectionString: url, max: settings.size, min: settings.size });
  // An idle connection PostgreSQL ends (a restart, pg_terminate_backend, DROP DATABASE … FORCE)
  // is an 'error' event on the pool; pg has already removed it, and the next query opens a new
  // one. Without a listener Node would treat it as uncaught and stop the service.
  connections.on("error", () => {});
  // The gate admits at most `size` queries, so pg's own queue never holds a waiting query.
  const pool = new ClinicalPool(settings, (s) => void Object.assign(connections.options, { max: s.size, min: s.size }));
  const prepared = new PreparedStatements();
  /** A connection outside the pool (scripts, index work), closed by its `close()`. */
  const ownSession = async (): Promise<SqlClient> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return pgSqlClient(client, () => client.end());
  };
  return timed({
    kind: "postgres",
    raw: async (sql, params, cls) => {
      const client = (await connections.connect()) as TrackedClient;
      let failure: unknown;
      try {
        // Session-level, set only when this connection last ran a class with another timeout:
        // one extra round trip on a switch, none on the steady state (SET LOCAL would cost three).
        const want = pool.timeoutMs(cls);
        if (client[TIMEOUT_MS] !== want) {
          await client.query(`SET statement_timeout = ${Math.trunc(want)}`);
          client[TIMEOUT_MS] = want;
        }
        // Statements with parameters (the request path) are prepared once per connection; a text
        // without any (scripts, DDL, several commands in one string) runs as a simple query.
        if (!params?.length) return (await client.query(sql)).rows;
        return (await client.query({ name: prepared.nameOf(sql), text: sql, values: params as unknown[] })).rows;
      } catch (err) {
        failure = err;
        throw err;
      } finally {
        client.release(failure !== undefined && brokenConnection(failure) ? (failure as Error) : undefined);
      }
    },
    scriptClient: ownSession,
    // Its own connection is already exclusive; `fn` must not close it (this does, afterwards).
    exclusive: async (fn) => {
      const sql = await ownSession();
      try {
        return await fn({ ...sql, close: async () => {} });
      } finally {
        await sql.close();
      }
    },
    bulk: async (fn) => {
      await pool.acquire("system");
      const client = await connections.connect();
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
        pool.release("system");
      }
    },
    warm: async () => {
      const clients = await Promise.all(Array.from({ length: connections.options.max }, () => connections.connect()));
      for (const c of clients) c.release();
    },
    close: () => connections.end(),
  }, pool);
}

/**
 * PGlite runs one statement at a time: the gate still orders and bounds what is handed to it,
 * but statement_timeout is not applied (the embedded engine has no timer to cancel with).
 * pg_stat_statements ships with PGlite as a contrib extension (no preload needed): it feeds
 * the console's database insight and the index advisor from the embedded service's workload.
 */
async function pgliteBackend(dir: string, settings: PoolSettings): Promise<ClinicalDb> {
  const lite = await openPglite(dir, { pg_stat_statements });
  await lite.exec("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  return timed({
    kind: "pglite",
    raw: async (sql, params) => (await lite.query(sql, params)).rows,
    // PGlite allows one owner: scripts share the open instance and must not close it.
    scriptClient: async () => pgliteSqlClient(lite, false),
    // PGlite's transaction() holds the lock every other query waits on; committing its empty
    // transaction at once leaves `fn` in autocommit (its own BEGIN/ROLLBACK, CREATE INDEX and a
    // failed statement behave as on any session) while still holding that lock. The closing
    // COMMIT (or ROLLBACK) PGlite sends afterwards finds no transaction: a warning, no effect.
    exclusive: (fn) =>
      lite.transaction(async (tx) => {
        await tx.exec("COMMIT");
        return fn({
          kind: "pglite",
          query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await tx.query<T>(sql, params)).rows }),
          exec: async (sql) => void (await tx.exec(sql)),
          close: async () => {},
        });
      }),
    bulk: (fn) =>
      lite.transaction((tx) =>
        fn(
          async (table, columns, tsv) => void (await tx.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([tsv]) })),
          async (sql) => void (await tx.exec(sql)),
        ),
      ),
    warm: async () => {},
    close: () => lite.close(),
  }, new ClinicalPool(settings));
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
