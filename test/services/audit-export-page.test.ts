import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "../../lib/audit/record-event";
import { verifyExport } from "../../lib/audit/verify-export";
import { consoleDb } from "../../lib/db/prisma";
import { writeCheckpointIfDue } from "../../lib/services/audit/audit-anchors";
import { downloadAuditExport } from "../../lib/services/audit/download-audit-export";
import { prepareAuditExport } from "../../lib/services/audit/prepare-audit-export";
import { getAuditEvent } from "../../lib/services/audit/get-audit-event";
import type { Actor } from "../../lib/auth/actor";
import { auditEventsFor, makeActor } from "../support/actors";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { useAuditAnchorDir } from "../support/audit-anchors";

const dir = mkdtempSync(join(tmpdir(), "vigil-export-page-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function record(n: number, action: string): Promise<string[]> {
  const prisma = await db();
  const seqs: string[] = [];
  for (let i = 0; i < n; i++) {
    const { seq } = await prisma.$transaction((tx) =>
      recordAuditEvent(tx, { actor: `u${i}@t`, actorRole: "admin", action, target: `t${i}`, sourceIp: "10.1.2.3", outcome: "success", before: { ttl: 30 }, after: { ttl: 60, reason: `change ${i}` } }),
    );
    seqs.push(seq.toString());
  }
  return seqs;
}

/** The three downloads, as the page's links fetch them, written into a fresh folder. */
async function downloadAll(actor: Actor, period: { from: string; to: string; through?: string }, name: string) {
  const out = mkdtempSync(join(dir, `${name}-`));
  const files: Record<string, string> = {};
  for (const format of ["ndjson", "csv", "manifest"]) {
    const f = await downloadAuditExport(actor, { ...period, format });
    writeFileSync(join(out, f.name), f.body);
    files[format] = f.body;
  }
  return { out, files };
}

describe.each(consoleDbKinds())("the Audit page's export and event detail on %s", (kind) => {
  useFreshConsoleDb(kind);
  useAuditAnchorDir();
  let inRange: string[] = [];
  let period: { from: string; to: string };
  let compliance: Actor;

  beforeAll(async () => {
    compliance = await makeActor("compliance");
    await record(2, "test.before_period");
    await pause(20);
    const from = new Date();
    await pause(5);
    inRange = await record(3, "test.in_period");
    await writeCheckpointIfDue();
    await pause(5);
    const to = new Date();
    await pause(20);
    await record(2, "test.after_period");
    period = { from: from.toISOString(), to: to.toISOString() };
  });

  it("downloads exactly the period's events, with manifest hashes equal to the bytes', that verify offline", async () => {
    const summary = await prepareAuditExport(compliance, period);
    expect(summary).toMatchObject({ count: 3, chain: { firstSeq: inRange[0], lastSeq: inRange[2] } });
    expect(summary.checkpoints.map((c) => c.seq)).toEqual([inRange[2]]);

    const { out, files } = await downloadAll(compliance, { ...period, through: summary.through }, kind);
    expect(files.ndjson!.trim().split("\n")).toHaveLength(3);
    expect(files.ndjson).toContain('"test.in_period"');
    expect(files.ndjson).not.toMatch(/test\.(before|after)_period/);
    expect(files.csv!.trim().split("\r\n").slice(1).map((l) => l.split(",")[0])).toEqual(inRange);

    const manifest = JSON.parse(files.manifest!);
    const bySha = Object.fromEntries(manifest.files.map((f: { name: string; sha256: string }) => [f.name, f.sha256]));
    expect(bySha["audit-events.ndjson"]).toBe(sha256(files.ndjson!));
    expect(bySha["audit-events.csv"]).toBe(sha256(files.csv!));
    expect(manifest.files).toEqual(summary.files);
    expect(verifyExport(out)).toEqual({ ok: true, checked: 3, checkpoints: 1 });

    writeFileSync(join(out, "audit-events.ndjson"), files.ndjson!.replace('"u1@t"', '"mallory@t"'));
    expect(verifyExport(out).problem).toMatch(/^line 2 \(seq \d+\): content does not match its hash/);
  });

  it("audits each download, and keeps the three files in agreement while new events land in the period", async () => {
    const open = { from: period.from, to: new Date(Date.now() + 3_600_000).toISOString() };
    const summary = await prepareAuditExport(compliance, open);
    const before = (await auditEventsFor({ action: "audit.export" })).length;
    const { out, files } = await downloadAll(compliance, { ...open, through: summary.through }, `${kind}-open`);
    // The downloads' own audit.export events fall inside the open period but after `through`.
    const exports = await auditEventsFor({ action: "audit.export" });
    expect(exports).toHaveLength(before + 3);
    expect(exports.at(-1)).toMatchObject({ actor: compliance.email, actorRole: "compliance", target: "manifest.json", sourceIp: "127.0.0.9", outcome: "success" });
    expect(exports.at(-3)!.after).toMatchObject({ format: "ndjson", through: summary.through, count: summary.count, sha256: sha256(files.ndjson!) });
    expect(verifyExport(out)).toMatchObject({ ok: true, checked: summary.count });
    expect(JSON.parse(files.manifest!).files).toEqual(summary.files);
  });

  it("refuses ops, and audits the refusal; refuses a bad format or period", async () => {
    const ops = await makeActor("ops");
    await expect(downloadAuditExport(ops, { ...period, format: "ndjson" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(prepareAuditExport(ops, period)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const denied = await auditEventsFor({ action: "access.denied", actor: ops.email });
    expect(denied.map((e) => (e.after as { attempted: string }).attempted)).toEqual(["audit.export", "audit.export"]);
    expect(await auditEventsFor({ action: "audit.export", actor: ops.email })).toHaveLength(0);
    await expect(downloadAuditExport(compliance, { ...period, format: "zip" })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { format: [expect.any(String)] } });
    await expect(downloadAuditExport(compliance, { from: period.to, to: period.from, format: "csv" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("shows one event's before/after, origin, session, reason, hashes and checkpoint coverage", async () => {
    const prisma = await db();
    const target = inRange[1]!;
    const d = await getAuditEvent(compliance, { seq: target });
    const rows = await prisma.auditEvent.findMany({ where: { seq: { in: [BigInt(inRange[0]!), BigInt(target)] } }, orderBy: { seq: "asc" } });
    expect(d).toMatchObject({
      seq: target, actor: "u1@t", actorRole: "admin", action: "test.in_period", target: "t1", outcome: "success", sourceIp: "10.1.2.3",
      reason: "change 1", sessionId: null, before: { ttl: 30 }, after: { ttl: 60, reason: "change 1" },
      hash: rows[1]!.hash, prevHash: rows[0]!.hash, contentMatchesHash: true, linksToPrevious: true,
      coveredBy: { seq: inRange[2] },
    });
    // After the checkpoint: not covered yet.
    const late = (await auditEventsFor({ action: "test.after_period" })).at(-1)!;
    expect((await getAuditEvent(compliance, { seq: late.seq.toString() })).coveredBy).toBeNull();

    // A sign-in stores the session it starts; the detail shows it as stored.
    const { seq: signIn } = await prisma.$transaction((tx) => recordAuditEvent(tx, { actor: compliance.email, action: "auth.sign_in", outcome: "success", after: { sessionId: compliance.sessionId } }));
    expect((await getAuditEvent(await makeActor("admin"), { seq: signIn.toString() })).sessionId).toBe(compliance.sessionId);

    await expect(getAuditEvent(compliance, { seq: "999999" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAuditEvent(compliance, { seq: "1; drop" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const ops = await makeActor("ops");
    await expect(getAuditEvent(ops, { seq: target })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await auditEventsFor({ action: "access.denied", actor: ops.email })).at(-1)).toMatchObject({ target, after: { attempted: "audit.event.view" } });
  });

  it("flags an event whose stored content no longer matches its hash", async () => {
    const target = inRange[0]!;
    const sql = await (await consoleDb()).sql();
    await sql.exec(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
      UPDATE audit_events SET actor = 'mallory@t' WHERE seq = ${target};
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;`);
    await sql.close();
    expect(await getAuditEvent(compliance, { seq: target })).toMatchObject({ actor: "mallory@t", contentMatchesHash: false, linksToPrevious: true });
  });
});
