import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "../generated/prisma/client";
import { env } from "../env";
import { openPglite, pgliteSqlClient, openSqlClient, type SqlClient } from "@/core/db/sql-client";
import { loadMigrations, migrate } from "@/core/db/migrator";

export type Db = PrismaClient;

interface ConsoleDb {
  prisma: PrismaClient;
  /** Raw SQL on the same database (PGlite: the same single instance, as it allows one owner). */
  sql: () => Promise<SqlClient>;
  pglite?: PGlite;
}

const KEY = Symbol.for("vigil.consoleDb");
type Holder = { [KEY]?: Promise<ConsoleDb> };

export function consoleDataDir(): string {
  return join(env().VIGIL_DATA_DIR, "console");
}

async function open(url: string | undefined): Promise<ConsoleDb> {
  if (url) {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    return { prisma, sql: () => openSqlClient({ url, dataDir: "" }) };
  }
  const pglite = await openPglite(consoleDataDir());
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return { prisma, pglite, sql: async () => pgliteSqlClient(pglite, false) };
}

/** One console database per process, opened lazily (so `next build` never opens PGlite). */
export function consoleDb(): Promise<ConsoleDb> {
  const holder = globalThis as Holder;
  holder[KEY] ??= open(env().DATABASE_URL);
  return holder[KEY];
}

export async function db(): Promise<PrismaClient> {
  return (await consoleDb()).prisma;
}

export const CONSOLE_MIGRATIONS_DIR = join(process.cwd(), "prisma", "migrations");

/**
 * Applies the console's pending migrations; safe to call on every start. With
 * VIGIL_MIGRATION_DATABASE_URL they run as that (owner) role, so the role the console runs as
 * (DATABASE_URL) never owns a table and cannot switch off the audit table's append-only trigger.
 */
export async function migrateConsoleDb(): Promise<string[]> {
  const owner = env().VIGIL_MIGRATION_DATABASE_URL;
  const sql = owner ? await openSqlClient({ url: owner, dataDir: "" }) : await (await consoleDb()).sql();
  try {
    return await migrate(sql, loadMigrations(CONSOLE_MIGRATIONS_DIR));
  } finally {
    await sql.close();
  }
}

export async function closeConsoleDb(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  if (!current) return;
  delete holder[KEY];
  const { prisma, pglite } = await current;
  await prisma.$disconnect();
  if (pglite) await pglite.close();
}
