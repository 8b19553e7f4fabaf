import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../lib/audit/record-event";
import { consoleDb } from "../../lib/db/prisma";
import { writeCheckpointIfDue } from "../../lib/services/audit/audit-anchors";
import { verifyAuditTrail } from "../../lib/services/audit/verify-audit-trail";
import { listAuditEvents } from "../../lib/services/audit/list-audit-events";
import { auditEventsFor, makeActor } from "../support/actors";
import { db, useFreshConsoleDb } from "../support/console-db";
import { useAuditAnchorDir } from "../support/audit-anchors";

describe("verifying the audit chain from the console (embedded database)", () => {
  useFreshConsoleDb("pglite");
  useAuditAnchorDir();

  it("reports an intact chain with its checkpoint to compliance, audits the check, refuses ops", async () => {
    const prisma = await db();
    for (let i = 0; i < 5; i++) await prisma.$transaction((tx) => recordAuditEvent(tx, { actor: `u${i}@t`, action: "test.write", outcome: "success", after: { i } }));
    await writeCheckpointIfDue(new Date(Date.now() + 2 * 3600_000));
    const compliance = await makeActor("compliance");
    const report = await verifyAuditTrail(compliance);
    expect(report).toMatchObject({ ok: true, firstBroken: null, checkpoints: 1 });
    expect(report.checked).toBeGreaterThanOrEqual(5);
    expect(report.lastCheckpoint?.count).toBeGreaterThanOrEqual(5);
    expect((await auditEventsFor({ action: "audit.verify" })).at(-1)).toMatchObject({ actor: compliance.email, outcome: "success" });

    const ops = await makeActor("ops");
    await expect(verifyAuditTrail(ops)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await auditEventsFor({ action: "access.denied", actor: ops.email })).at(-1)!.after).toMatchObject({ attempted: "audit.verify" });
    await expect(verifyAuditTrail(compliance, { extra: 1 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("names the first altered event", async () => {
    const sql = await (await consoleDb()).sql();
    await sql.exec(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
      UPDATE audit_events SET actor = 'mallory@t' WHERE seq = 3;
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;`);
    await sql.close();
    const report = await verifyAuditTrail(await makeActor("admin"));
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.seq).toBe("3");
    expect((await auditEventsFor({ action: "audit.verify" })).at(-1)).toMatchObject({ outcome: "failure" });
  });
});

describe("listing the audit trail by period", () => {
  useFreshConsoleDb("pglite");

  it("keeps events recorded between From and To (whole UTC days), and refuses a To before From", async () => {
    const prisma = await db();
    for (let i = 0; i < 3; i++) await prisma.$transaction((tx) => recordAuditEvent(tx, { actor: "clock@t", action: "test.period", outcome: "success", after: { i } }));
    const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const compliance = await makeActor("compliance");
    const count = async (from?: string, to?: string) => (await listAuditEvents(compliance, { action: "test.period", from, to })).total;
    expect(await count(day(0), day(0))).toBe(3); // To is inclusive: the whole of today
    expect(await count(day(-1))).toBe(3);
    expect(await count(day(1))).toBe(0);
    expect(await count(undefined, day(-1))).toBe(0);
    expect(await count(day(-30), day(30))).toBe(3);
    await expect(listAuditEvents(compliance, { from: day(1), to: day(0) })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { to: [expect.any(String)] } });
    await expect(listAuditEvents(compliance, { from: "16/11/2026" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { from: [expect.any(String)] } });
  });
});
