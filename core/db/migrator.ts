import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { SqlClient } from "@/core/db/sql-client";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  readonly code = "MIGRATION_REFUSED";
}

// Any constant works; it only has to be the same for every process migrating one database.
const MIGRATION_LOCK_KEY = 7_281_930_114;

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** Reads `<dir>/<timestamp>_<name>/migration.sql` folders in name order (Prisma's layout). */
export function loadMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new MigrationError(`Migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

/**
 * Applies pending migrations, one transaction each, recording them in a
 * `_prisma_migrations`-shaped table. Refuses to run when an applied migration was edited,
 * failed earlier, or is missing from disk. Returns the names it applied.
 */
export async function migrate(
  db: SqlClient,
  migrations: Migration[],
  opts: { table?: string } = {},
): Promise<string[]> {
  const table = opts.table ?? "_prisma_migrations";
  if (!TABLE_NAME.test(table)) throw new MigrationError(`Invalid migrations table name: ${table}`);
  await db.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await ensureTable(db, table);
    const applied = await db.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM ${table} WHERE rolled_back_at IS NULL`,
    );
    const pending = checkHistory(applied.rows, migrations);
    for (const m of pending) await applyOne(db, table, m);
    return pending.map((m) => m.name);
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}

function checkHistory(applied: AppliedRow[], migrations: Migration[]): Migration[] {
  const onDisk = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied) {
    const local = onDisk.get(row.migration_name);
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} started but never finished; repair the database before starting again.`,
      );
    }
    if (!local) {
      throw new MigrationError(
        `Migration ${row.migration_name} is applied to the database but missing from disk; this build is older than the database.`,
      );
    }
    if (local.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was edited after it was applied (recorded checksum ${row.checksum.slice(0, 12)}…, file now ${local.checksum.slice(0, 12)}…). Restore the original file and put the change in a new migration.`,
      );
    }
  }
  const done = new Set(applied.map((r) => r.migration_name));
  return migrations.filter((m) => !done.has(m.name));
}

async function applyOne(db: SqlClient, table: string, m: Migration): Promise<void> {
  await db.exec("BEGIN");
  try {
    const id = randomUUID();
    await db.query(
      `INSERT INTO ${table} (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, m.checksum, m.name],
    );
    await db.exec(m.sql);
    await db.query(`UPDATE ${table} SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await db.exec("COMMIT");
  } catch (err) {
    await db.exec("ROLLBACK");
    throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${(err as Error).message}`);
  }
}

async function ensureTable(db: SqlClient, table: string): Promise<void> {
  await db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
    id                  VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum            VARCHAR(64) NOT NULL,
    finished_at         TIMESTAMPTZ,
    migration_name      VARCHAR(255) NOT NULL,
    logs                TEXT,
    rolled_back_at      TIMESTAMPTZ,
    started_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count INTEGER NOT NULL DEFAULT 0
  )`);
}
