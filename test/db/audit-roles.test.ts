/**
 * The deployment the README's security section describes, on real PostgreSQL: migrations run
 * as an owner role, the console as an app role that can write audit events but, not owning the
 * table, cannot switch its append-only trigger off.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../lib/audit/record-event";
import { closeConsoleDb, db, migrateConsoleDb } from "../../lib/db/prisma";
import { resetEnvForTests } from "../../lib/env";
import { createTempDatabase } from "../support/postgres";
import { serviceGate, testPostgresUrl } from "../support/services";

const hasPg = serviceGate("PostgreSQL", Boolean(testPostgresUrl()), "set TEST_DATABASE_URL to run the audit role test");

describe.runIf(hasPg)("audit table under separate owner and app roles", () => {
  const suffix = randomBytes(4).toString("hex");
  const owner = `vigil_owner_${suffix}`;
  const app = `vigil_app_${suffix}`;
  let temp: Awaited<ReturnType<typeof createTempDatabase>>;
  const as = (role: string) => {
    const u = new URL(temp.url);
    u.username = role;
    return u.toString();
  };
  const run = async (url: string, sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return await c.query(sql);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    temp = await createTempDatabase(testPostgresUrl()!, "vigil_roles_test");
    const dbName = new URL(temp.url).pathname.slice(1);
    // What a deployment runs once, as a superuser (README: Security → database roles).
    await run(temp.url, `
      CREATE ROLE ${owner} LOGIN; CREATE ROLE ${app} LOGIN;
      GRANT CONNECT ON DATABASE ${dbName} TO ${app};
      GRANT ALL ON SCHEMA public TO ${owner}; GRANT USAGE ON SCHEMA public TO ${app};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};`);
    await closeConsoleDb();
    process.env.DATABASE_URL = as(app);
    process.env.VIGIL_MIGRATION_DATABASE_URL = as(owner);
    resetEnvForTests();
    await migrateConsoleDb();
  });

  afterAll(async () => {
    await closeConsoleDb();
    delete process.env.DATABASE_URL;
    delete process.env.VIGIL_MIGRATION_DATABASE_URL;
    resetEnvForTests();
    await temp?.drop();
    await run(testPostgresUrl()!, `DROP ROLE IF EXISTS ${app}; DROP ROLE IF EXISTS ${owner};`).catch(() => {});
  });

  it("migrations ran as the owner; the console writes audit events as the app role", async () => {
    const tables = await run(temp.url, "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_events'");
    expect(tables.rows[0]).toEqual({ tableowner: owner });
    const prisma = await db();
    await prisma.$transaction((tx) => recordAuditEvent(tx, { actor: "t@t", action: "test.write", outcome: "success" }));
    expect(await prisma.auditEvent.count()).toBe(1);
  });

  it("the app role can neither switch the trigger off nor change or remove a row", async () => {
    await expect(run(as(app), "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete")).rejects.toThrow(/must be owner/);
    await expect(run(as(app), "UPDATE audit_events SET actor = 'mallory'")).rejects.toThrow(/append-only/);
    await expect(run(as(app), "DELETE FROM audit_events")).rejects.toThrow(/append-only/);
    await expect(run(as(app), "TRUNCATE audit_events")).rejects.toThrow(/append-only|permission denied/);
  });
});
