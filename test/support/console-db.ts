import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeConsoleDb, db, migrateConsoleDb } from "../../lib/db/prisma";
import { resetEnvForTests } from "../../lib/env";
import { createTempDatabase } from "./postgres";
import { serviceGate, testPostgresUrl } from "./services";

export type DbKind = "pglite" | "postgres";

/** Which console databases a suite runs against: PGlite always, PostgreSQL when configured. */
export function consoleDbKinds(): DbKind[] {
  const pg = serviceGate("PostgreSQL", Boolean(testPostgresUrl()), "set TEST_DATABASE_URL (or DATABASE_URL) to run the PostgreSQL variant");
  return pg ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * Points the console's database module at a fresh, migrated database for the enclosing
 * describe block, and removes it afterwards. Returns the connection details for raw access.
 */
export function useFreshConsoleDb(kind: DbKind): { url?: string; dataDir?: string } {
  const info: { url?: string; dataDir?: string } = {};
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    await closeConsoleDb();
    delete process.env.DATABASE_URL;
    if (kind === "postgres") {
      const temp = await createTempDatabase(testPostgresUrl()!, "vigil_console_test");
      info.url = process.env.DATABASE_URL = temp.url;
      cleanup = temp.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), "vigil-test-"));
      info.dataDir = process.env.VIGIL_DATA_DIR = dir;
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    resetEnvForTests();
    await migrateConsoleDb();
  });
  afterAll(async () => {
    await closeConsoleDb();
    await cleanup();
    delete process.env.DATABASE_URL;
    resetEnvForTests();
  });
  return info;
}

export { db };
