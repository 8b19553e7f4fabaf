import { candidateKey, coveredByExisting } from "./covered";
import { readCatalog } from "./catalog";
import { createIndexSql, quoteIdent } from "./ddl";
import type { AdvisorDb, Candidate } from "./types";

/** pg_try_advisory_lock key shared by every Vigil index build and drop: one at a time per database. */
export const INDEX_BUILD_LOCK_KEY = 7_316_014;

/** Wait this long for the table lock CREATE INDEX CONCURRENTLY needs, then give up (never queue behind traffic). */
export const DEFAULT_LOCK_TIMEOUT_MS = 5_000;

/** A build longer than this is cancelled and its invalid index dropped. */
export const DEFAULT_BUILD_TIMEOUT_MS = 30 * 60_000;

export type BuildRefusal = "busy" | "exists";

export class IndexBuildRefused extends Error {
  constructor(readonly reason: BuildRefusal, message: string) {
    super(message);
    this.name = "IndexBuildRefused";
  }
}

export class IndexBuildFailed extends Error {
  constructor(message: string, readonly invalidIndexDropped: boolean) {
    super(message);
    this.name = "IndexBuildFailed";
  }
}

export interface BuildOptions {
  /** false on PGlite: one connection, so CONCURRENTLY would protect nothing (and nothing runs beside it). */
  concurrently: boolean;
  lockTimeoutMs?: number;
  timeoutMs?: number;
}

/** Runs `fn` holding the build lock on this session, or refuses when another build holds it. */
export async function withBuildLock<T>(db: AdvisorDb, fn: () => Promise<T>): Promise<T> {
  const { rows } = await db.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [INDEX_BUILD_LOCK_KEY]);
  if (!rows[0]?.ok) throw new IndexBuildRefused("busy", "Another index build or drop is running on this database; try again when it has finished.");
  try {
    return await fn();
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [INDEX_BUILD_LOCK_KEY]);
  }
}

/** The index's validity, or undefined when no index has that name. */
export async function indexState(db: AdvisorDb, schema: string, name: string): Promise<{ valid: boolean } | undefined> {
  const { rows } = await db.query<{ valid: boolean }>(
    `SELECT x.indisvalid AS valid FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2`,
    [schema, name],
  );
  return rows[0];
}

/** Refuses an index whose name exists, or whose key an existing valid index already leads with. */
export async function ensureAbsent(db: AdvisorDb, c: Candidate & { name: string }): Promise<void> {
  if (await indexState(db, c.schema, c.name)) throw new IndexBuildRefused("exists", `An index named ${c.name} already exists on ${c.schema}.${c.table}.`);
  const table = (await readCatalog(db)).tables.find((t) => t.schema === c.schema && t.name === c.table);
  if (!table) throw new IndexBuildFailed(`Table ${c.schema}.${c.table} no longer exists.`, false);
  if (coveredByExisting(c, table.indexes)) throw new IndexBuildRefused("exists", `An existing index on ${c.schema}.${c.table} already serves ${candidateKey(c)}.`);
}

/**
 * Builds one suggested index: under the advisory lock, with lock_timeout and statement_timeout,
 * CONCURRENTLY outside any transaction. Refuses an index whose name exists or whose key an
 * existing index already leads with. On failure (timeout included) the INVALID index a
 * concurrent build leaves behind is dropped, so nothing stays half-done.
 */
export async function buildIndex(db: AdvisorDb, c: Candidate & { name: string }, opts: BuildOptions): Promise<{ ms: number; ddl: string }> {
  const ddl = createIndexSql(c, { concurrently: opts.concurrently, name: c.name });
  return withBuildLock(db, async () => {
    await ensureAbsent(db, c);
    await db.query(`SET lock_timeout = ${Math.round(opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS)}`);
    await db.query(`SET statement_timeout = ${Math.round(opts.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS)}`);
    const started = Date.now();
    try {
      await db.query(ddl);
      return { ms: Date.now() - started, ddl };
    } catch (err) {
      // The clean-up must not hit the build's own timeout; lock_timeout still bounds its waits.
      await db.query("RESET statement_timeout");
      const left = await indexState(db, c.schema, c.name).catch(() => undefined);
      if (left && !left.valid) await db.query(`DROP INDEX ${opts.concurrently ? "CONCURRENTLY " : ""}IF EXISTS ${quoteIdent(c.schema)}.${quoteIdent(c.name)}`);
      throw new IndexBuildFailed((err as Error).message, Boolean(left && !left.valid));
    } finally {
      await db.query("RESET lock_timeout");
      await db.query("RESET statement_timeout");
    }
  });
}

/** Rolls an applied index back: DROP INDEX CONCURRENTLY (plain DROP on PGlite), under the same lock. */
export async function dropIndex(db: AdvisorDb, schema: string, name: string, opts: BuildOptions): Promise<{ existed: boolean }> {
  return withBuildLock(db, async () => {
    const existed = Boolean(await indexState(db, schema, name));
    await db.query(`SET lock_timeout = ${Math.round(opts.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS)}`);
    try {
      await db.query(`DROP INDEX ${opts.concurrently ? "CONCURRENTLY " : ""}IF EXISTS ${quoteIdent(schema)}.${quoteIdent(name)}`);
    } finally {
      await db.query("RESET lock_timeout");
    }
    return { existed };
  });
}
