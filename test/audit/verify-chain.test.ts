import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../lib/audit/record-event";
import { verifyAuditChain } from "../../lib/audit/verify-chain";
import { closeConsoleDb, consoleDb } from "../../lib/db/prisma";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";

async function writeEvents(n: number, offset = 0) {
  const prisma = await db();
  for (let i = 0; i < n; i++) {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, { actor: `u${offset + i}@t`, action: "test.write", outcome: "success", after: { i: offset + i } }),
    );
  }
}

/** Alters a row the way an attacker with database access would: trigger off, edit, trigger on. */
async function tamper(sqlText: string) {
  const sql = await (await consoleDb()).sql();
  await sql.exec(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
    ${sqlText};
    ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;`);
  await sql.close();
}

describe.each(consoleDbKinds())("audit hash chain on %s", (kind) => {
  const conn = useFreshConsoleDb(kind);

  it("verifies an intact chain written by concurrent writers", async () => {
    await Promise.all([writeEvents(10, 0), writeEvents(10, 100), writeEvents(10, 200)]);
    expect(await verifyAuditChain(await db())).toEqual({ ok: true, checked: 30 });
  });

  it("names the first altered row", async () => {
    await tamper("UPDATE audit_events SET actor = 'mallory@t' WHERE seq = 12");
    const report = await verifyAuditChain(await db());
    expect(report).toMatchObject({ ok: false, checked: 11, firstBroken: { seq: "12" } });
    expect(report.firstBroken!.reason).toMatch(/altered/);
  });

  it("names the row after a deleted one", async () => {
    await tamper("DELETE FROM audit_events WHERE seq = 12");
    const report = await verifyAuditChain(await db());
    expect(report).toMatchObject({ ok: false, checked: 11, firstBroken: { seq: "13" } });
    expect(report.firstBroken!.reason).toMatch(/inserted, deleted or reordered/);
  });

  it("npm run audit:verify exits 1 and names the broken row", async () => {
    await closeConsoleDb(); // PGlite allows one process per folder: hand it to the CLI
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (conn.url) env.DATABASE_URL = conn.url;
    else (delete env.DATABASE_URL, (env.VIGIL_DATA_DIR = conn.dataDir));
    const r = spawnSync("npx", ["tsx", "scripts/audit-verify.ts"], { env, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("BROKEN at event seq=13");
  });
});
