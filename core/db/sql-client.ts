import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite, type Extensions } from "@electric-sql/pglite";
import pg from "pg";
import { securePrivateTree } from "@/core/files/private-files";

/** The small interface both deployables use for raw SQL: one connection, parametrised queries. */
export interface SqlClient {
  readonly kind: "pglite" | "postgres";
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function pgliteSqlClient(db: PGlite, ownsDb = true): SqlClient {
  return {
    kind: "pglite",
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await db.query<T>(sql, params)).rows }),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: async () => {
      if (ownsDb) await db.close();
    },
  };
}

export function pgSqlClient(client: pg.Client | pg.PoolClient, close: () => Promise<void>): SqlClient {
  return {
    kind: "postgres",
    query: async <T>(sql: string, params?: unknown[]) => ({
      rows: (await client.query(sql, params as unknown[])).rows as T[],
    }),
    exec: async (sql) => {
      await client.query(sql);
    },
    close,
  };
}

/** Opens PGlite in `dataDir` (creating its parent folders first) or PostgreSQL at `url`. */
export async function openSqlClient(opts: { url?: string; dataDir: string }): Promise<SqlClient> {
  if (opts.url) {
    const client = new pg.Client({ connectionString: opts.url });
    await client.connect();
    return pgSqlClient(client, () => client.end());
  }
  return pgliteSqlClient(await openPglite(opts.dataDir));
}

export async function openPglite(dataDir: string, extensions?: Extensions): Promise<PGlite> {
  const dir = resolve(dataDir);
  mkdirSync(dirname(dir), { recursive: true });
  const db = new PGlite(dir, extensions ? { extensions } : undefined);
  await db.waitReady;
  securePrivateTree(dir);
  return db;
}
