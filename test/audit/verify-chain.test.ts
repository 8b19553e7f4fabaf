import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { GENESIS_HASH, eventHash } from "../../lib/audit/canonical";
import { loadAnchors, writeCheckpointIfDue } from "../../lib/services/audit/audit-anchors";
import { recordAuditEvent } from "../../lib/audit/record-event";
import { verifyAuditChain } from "../../lib/audit/verify-chain";
import { closeConsoleDb, consoleDb } from "../../lib/db/prisma";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { useAuditAnchorDir } from "../support/audit-anchors";

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

  it("npm run audit:verify exits 1 and names the broken row", { timeout: 150_000 }, async () => {
    await closeConsoleDb(); // PGlite allows one process per folder: hand it to the CLI
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (conn.url) env.DATABASE_URL = conn.url;
    else (delete env.DATABASE_URL, (env.VIGIL_DATA_DIR = conn.dataDir));
    const r = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env, encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("BROKEN at event seq=13");
  });
});

describe.each(consoleDbKinds())("audit checkpoints on %s", (kind) => {
  const conn = useFreshConsoleDb(kind);
  useAuditAnchorDir();

  it("writes a signed checkpoint only when one is due, outside the database", async () => {
    await writeEvents(5);
    const file = await writeCheckpointIfDue();
    expect(file).toMatch(/checkpoint-0+5\.json$/);
    expect(await writeCheckpointIfDue()).toBeNull(); // nothing new since
    const report = await verifyAuditChain(await db(), loadAnchors()!);
    expect(report).toMatchObject({ ok: true, checked: 5, lastCheckpoint: { seq: "5", count: 5 } });
  });

  it("catches rows deleted from the end, which the chain alone cannot see", async () => {
    await writeEvents(2, 10);
    await writeCheckpointIfDue(new Date(Date.now() + 2 * 3_600_000)); // hourly: due although < 100 new
    await tamper("DELETE FROM audit_events WHERE seq > 5");
    expect(await verifyAuditChain(await db())).toMatchObject({ ok: true, checked: 5 });
    const report = await verifyAuditChain(await db(), loadAnchors()!);
    expect(report).toMatchObject({ ok: false, firstBroken: { seq: "7" } });
    expect(report.firstBroken!.reason).toMatch(/rows deleted from the end/);
  });

  it("catches a chain rewritten with fresh, consistent hashes", async () => {
    const prisma = await db();
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    let prev = GENESIS_HASH;
    const updates: string[] = [];
    for (const r of rows) {
      const row = r.seq === 2n ? { ...r, actor: "mallory@t" } : r;
      const hash = eventHash(prev, row);
      updates.push(`UPDATE audit_events SET actor = '${row.actor}', prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${r.seq}`);
      prev = hash;
    }
    await tamper(updates.join(";\n"));
    expect(await verifyAuditChain(await db())).toMatchObject({ ok: true }); // every link is consistent
    const report = await verifyAuditChain(await db(), loadAnchors()!);
    expect(report).toMatchObject({ ok: false, firstBroken: { seq: "5" } });
    expect(report.firstBroken!.reason).toMatch(/signed checkpoint/);
  });

  it("refuses a forged checkpoint", async () => {
    const anchors = loadAnchors()!;
    const forged = { ...anchors.checkpoints[0]!, hash: "f".repeat(64) };
    const report = await verifyAuditChain(await db(), { ...anchors, checkpoints: [forged] });
    expect(report.firstBroken!.reason).toMatch(/invalid signature/);
  });

  it("npm run audit:verify names the missing tail and exits 1", { timeout: 150_000 }, async () => {
    await closeConsoleDb();
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (conn.url) env.DATABASE_URL = conn.url;
    else (delete env.DATABASE_URL, (env.VIGIL_DATA_DIR = conn.dataDir));
    const r = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env, encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/BROKEN at event seq=5: differs from the signed checkpoint/);
  });
});
