import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordAuditEvent } from "../../lib/audit/record-event";
import { verifyAuditChain } from "../../lib/audit/verify-chain";
import { verifyExport } from "../../lib/audit/verify-export";
import { NDJSON_FILE } from "../../lib/audit/export-bundle";
import { closeConsoleDb, consoleDb } from "../../lib/db/prisma";
import { resetEnvForTests } from "../../lib/env";
import { loadAnchors, writeCheckpointIfDue } from "../../lib/services/audit/audit-anchors";
import { archiveAuditEvents, commitAuditArchive, runAuditArchive, writeAuditArchive } from "../../lib/services/audit/archive-audit-events";
import { currentAuditRetention, updateAuditRetention } from "../../lib/services/audit/audit-retention";
import { getAuditEvent } from "../../lib/services/audit/get-audit-event";
import { listAuditArchives } from "../../lib/services/audit/list-audit-archives";
import { verifyAuditTrail } from "../../lib/services/audit/verify-audit-trail";
import { auditEventsFor, makeActor } from "../support/actors";
import { consoleDbKinds, db, useFreshConsoleDb } from "../support/console-db";
import { useAuditAnchorDir } from "../support/audit-anchors";

const OLD = new Date("2019-03-01T00:00:00Z");
const OLD_EVENTS = 5;

/** Events recorded through recordAuditEvent's own code path, with the clock set back to `at`. */
async function writeEventsAt(at: Date, n: number, tag: string) {
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(at);
  try {
    const prisma = await db();
    for (let i = 0; i < n; i++) await prisma.$transaction((tx) => recordAuditEvent(tx, { actor: `${tag}${i}@t`, action: "test.retention", outcome: "success", after: { i } }));
  } finally {
    vi.useRealTimers();
  }
}

async function rawSql(text: string) {
  const sql = await (await consoleDb()).sql();
  try {
    return await sql.exec(text);
  } finally {
    await sql.close();
  }
}

const remainingSeqs = async () => (await (await db()).auditEvent.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map((r) => Number(r.seq));

describe.each(consoleDbKinds())("audit retention and archive on %s", (kind) => {
  const conn = useFreshConsoleDb(kind);
  useAuditAnchorDir();
  const archiveRoot = mkdtempSync(join(tmpdir(), "vigil-archives-"));
  beforeAll(() => {
    process.env.VIGIL_AUDIT_ARCHIVE_DIR = archiveRoot;
    resetEnvForTests();
  });
  afterAll(() => {
    delete process.env.VIGIL_AUDIT_ARCHIVE_DIR;
    resetEnvForTests();
    rmSync(archiveRoot, { recursive: true, force: true });
  });

  it("says when nothing is older than the hot window, and refuses deleting any audit row while nothing is archived", async () => {
    expect(await writeAuditArchive()).toMatchObject({ status: "nothing", hotWindowDays: 365 });
    await writeEventsAt(OLD, OLD_EVENTS, "old");
    await writeCheckpointIfDue(new Date(OLD.getTime() + 2 * 3600_000)); // a checkpoint inside the range archived below
    expect(await remainingSeqs()).toEqual([1, 2, 3, 4, 5]);
    await expect(rawSql("DELETE FROM audit_events WHERE seq = 1")).rejects.toThrow(/append-only/);
    expect(await remainingSeqs()).toEqual([1, 2, 3, 4, 5]);
    // Even with a verified archive recorded, archived rows go only all together from the oldest end
    // (rolled back: the archive row here is made up).
    await expect((await db()).$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO audit_archives (id, first_seq, last_seq, count, prev_hash, last_hash, last_at, manifest_sha256, folder, verified, created_by)
        VALUES (999, 1, 5, 5, 'x', 'y', now(), 'z', '/nowhere', true, 'test')`);
      await tx.$executeRawUnsafe("DELETE FROM audit_events WHERE seq = 3");
    })).rejects.toThrow(/oldest end/);
    expect(await remainingSeqs()).toEqual([1, 2, 3, 4, 5]);
    expect(await (await db()).auditArchive.count()).toBe(0);
  });

  it("keeps the retention settings versioned: six years minimum, admin only, with a reason, audited (refusals too)", async () => {
    expect(await currentAuditRetention()).toEqual({ version: 0, retentionYears: 6, hotWindowDays: 365, savedAt: null });
    const ops = await makeActor("ops");
    await expect(updateAuditRetention(ops, { retentionYears: 7, hotWindowDays: 365, reason: "keep the trail longer for the audit" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await auditEventsFor({ action: "access.denied", actor: ops.email })).at(-1)!.after).toMatchObject({ attempted: "audit.retention.update" });

    const admin = await makeActor("admin");
    await expect(updateAuditRetention(admin, { retentionYears: 5, hotWindowDays: 365, reason: "shorter retention to save disk" })).rejects.toMatchObject({
      code: "INVALID_INPUT", fields: { retentionYears: [expect.stringMatching(/at least 6 years/)] },
    });
    await expect(updateAuditRetention(admin, { retentionYears: 6, hotWindowDays: 10, reason: "archive almost everything now" })).rejects.toMatchObject({
      code: "INVALID_INPUT", fields: { hotWindowDays: [expect.stringMatching(/at least 30 days/)] },
    });
    await expect(updateAuditRetention(admin, { retentionYears: 8, hotWindowDays: 365 })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: [expect.any(String)] } });
    const refusals = await auditEventsFor({ action: "audit.retention.update", actor: admin.email });
    expect(refusals.map((e) => e.outcome)).toEqual(["failure", "failure", "failure"]);
    expect(refusals[0]!.after).toMatchObject({ refused: { retentionYears: [expect.any(String)] }, retentionYears: "5" });
    expect((await currentAuditRetention()).version).toBe(0);

    const saved = await updateAuditRetention(admin, { retentionYears: "7", hotWindowDays: "400", reason: "counsel asked for seven years of audit history" });
    expect(saved).toMatchObject({ version: 1, retentionYears: 7, hotWindowDays: 400, savedAt: expect.any(String) });
    const event = (await auditEventsFor({ action: "audit.retention.update", actor: admin.email })).at(-1)!;
    expect(event).toMatchObject({ outcome: "success", target: "audit-retention:v1", before: { version: 0, retentionYears: 6, hotWindowDays: 365 } });
    expect(event.after).toMatchObject({ version: 1, retentionYears: 7, hotWindowDays: 400, reason: "counsel asked for seven years of audit history" });
    // Back to the defaults for the archive below (version 2, audited against version 1).
    await updateAuditRetention(admin, { retentionYears: 6, hotWindowDays: 365, reason: "back to the documented default policy" });
    expect((await auditEventsFor({ action: "audit.retention.update", target: "audit-retention:v2" }))[0]!.before).toMatchObject({ version: 1, retentionYears: 7, hotWindowDays: 400 });
  });

  it("deletes nothing when the archive folder is altered before the delete step", async () => {
    const prepared = await writeAuditArchive();
    if ("status" in prepared) throw new Error("expected an archive to be written");
    expect({ first: prepared.firstSeq, last: prepared.lastSeq, count: prepared.count }).toEqual({ first: 1n, last: 5n, count: OLD_EVENTS });
    const file = join(prepared.folder, NDJSON_FILE);
    writeFileSync(file, readFileSync(file, "utf8").replace("old2@t", "mallory@t"));
    const rowsBefore = await remainingSeqs();
    const admin = await makeActor("admin");
    const result = await commitAuditArchive(prepared, { id: admin.id, label: admin.email, role: "admin", sourceIp: null, reason: "tamper test of the archive step" });
    expect(result).toMatchObject({ status: "failed", problem: expect.stringMatching(/line 3 \(seq 3\)/) });
    expect((await remainingSeqs()).slice(0, rowsBefore.length)).toEqual(rowsBefore);
    expect(await (await db()).auditArchive.count()).toBe(0);
    expect((await auditEventsFor({ action: "audit.archive", actor: admin.email })).at(-1)).toMatchObject({ outcome: "failure" });
    // A folder that already holds files is refused before anything is written or deleted (audited).
    const again = await runAuditArchive({ id: admin.id, label: admin.email, role: "admin", sourceIp: null, reason: "archive into a used folder" }, { out: prepared.folder });
    expect(again).toMatchObject({ status: "failed", problem: expect.stringMatching(/already exists and is not empty/) });
    expect((await remainingSeqs()).slice(0, rowsBefore.length)).toEqual(rowsBefore);
    expect((await auditEventsFor({ action: "audit.archive", actor: admin.email })).map((e) => e.outcome)).toEqual(["failure", "failure"]);
    rmSync(prepared.folder, { recursive: true, force: true });
  });

  it("archives the events older than the hot window: the folder verifies, exactly those rows go, the chain continues from the archive", async () => {
    const prisma = await db();
    await writeCheckpointIfDue(new Date(Date.now() + 2 * 3600_000)); // the newest checkpoint counts the archived events too
    const before = await remainingSeqs();
    const admin = await makeActor("admin");
    await expect(archiveAuditEvents(admin, {})).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: [expect.any(String)] } });
    const ops = await makeActor("ops");
    await expect(archiveAuditEvents(ops, { reason: "ops should not be able to archive" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await remainingSeqs()).toEqual(expect.arrayContaining(before));

    const result = await archiveAuditEvents(admin, { reason: "yearly archive of the cold audit trail" });
    if (result.status !== "archived") throw new Error(`expected an archive, got ${JSON.stringify(result)}`);
    expect(result).toMatchObject({ archive: 1, firstSeq: "1", lastSeq: "5", count: OLD_EVENTS });
    expect(result.folder.startsWith(archiveRoot)).toBe(true);
    expect(verifyExport(result.folder)).toMatchObject({ ok: true, checked: OLD_EVENTS, checkpoints: 1 });
    expect(statSync(result.folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(result.folder, NDJSON_FILE)).mode & 0o777).toBe(0o600);

    const after = await remainingSeqs();
    expect(after.filter((s) => s <= 5)).toEqual([]);
    expect(after.slice(0, before.length - OLD_EVENTS)).toEqual(before.filter((s) => s > 5));
    const archived = await prisma.auditArchive.findFirstOrThrow();
    expect(archived).toMatchObject({ firstSeq: 1n, lastSeq: 5n, count: OLD_EVENTS, verified: true, createdBy: admin.email, manifestSha256: result.manifestSha256 });
    expect((await auditEventsFor({ action: "audit.archive", target: "audit-archive:1" }))[0]!.after).toMatchObject({ firstSeq: "1", lastSeq: "5", manifestSha256: result.manifestSha256, reason: "yearly archive of the cold audit trail" });

    const report = await verifyAuditTrail(await makeActor("compliance"));
    expect(report).toMatchObject({ ok: true, firstBroken: null, continuesFrom: { archive: 1, firstSeq: "1", lastSeq: "5", archivedEvents: OLD_EVENTS } });
    expect(report.lastCheckpoint!.count).toBeGreaterThan(OLD_EVENTS);
    expect(await getAuditEvent(admin, { seq: String(after[0]) })).toMatchObject({ linksToPrevious: true, contentMatchesHash: true });

    // Still append-only for everything not archived.
    const newest = after.at(-1)!;
    await expect(rawSql(`DELETE FROM audit_events WHERE seq = ${after[0]}`)).rejects.toThrow(/append-only/);
    await expect(rawSql(`DELETE FROM audit_events WHERE seq >= ${newest}`)).rejects.toThrow(/append-only/);
    await expect(rawSql("UPDATE audit_events SET actor = 'x' WHERE seq = " + newest)).rejects.toThrow(/append-only/);
    await expect(rawSql("DELETE FROM audit_archives")).rejects.toThrow(/append-only/);

    expect(await writeAuditArchive()).toMatchObject({ status: "nothing" });
    const { archives } = await listAuditArchives(admin);
    expect(archives).toEqual([expect.objectContaining({ id: 1, pastRetention: true, count: OLD_EVENTS })]);
  });

  it("npm run audit:verify checks archive and database together; --export verifies the archive; audit:archive says when there is nothing to do", { timeout: 240_000 }, async () => {
    const folder = (await (await db()).auditArchive.findFirstOrThrow()).folder;
    await closeConsoleDb(); // PGlite allows one process per folder: hand it to the CLI
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (conn.url) env.DATABASE_URL = conn.url;
    else (delete env.DATABASE_URL, (env.VIGIL_DATA_DIR = conn.dataDir));
    const cli = (script: string, ...args: string[]) => spawnSync("npx", ["tsx", "--conditions=react-server", `scripts/${script}`, ...args], { env, encoding: "utf8", timeout: 120_000 });
    const verify = cli("audit-verify.ts");
    expect(verify.stdout).toContain("continues from archive 1, seq 1–5");
    expect(verify.status).toBe(0);
    const exported = cli("audit-verify.ts", "--export", folder);
    expect(exported.stdout).toContain(`audit export intact: ${OLD_EVENTS} records`);
    expect(exported.status).toBe(0);
    const archive = cli("audit-archive.ts");
    expect(archive.stdout).toContain("nothing older than the hot window");
    expect(archive.status).toBe(0);
  });

  it("fails verification naming the archive when its folder is altered, or when the database no longer links to it", async () => {
    const archive = await (await db()).auditArchive.findFirstOrThrow();
    const file = join(archive.folder, NDJSON_FILE);
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("old4@t", "mallory@t"));
    let report = await verifyAuditChain(await db(), loadAnchors() ?? undefined);
    expect(report).toMatchObject({ ok: false, firstBroken: { seq: "1", reason: expect.stringMatching(/^archive 1 \(seq 1–5\): line 5 \(seq 5\)/) } });
    writeFileSync(file, original);
    expect(await verifyAuditChain(await db(), loadAnchors() ?? undefined)).toMatchObject({ ok: true });

    const first = (await remainingSeqs())[0]!;
    await rawSql(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
      ALTER TABLE audit_events DISABLE TRIGGER audit_events_archive_prefix;
      DELETE FROM audit_events WHERE seq = ${first};
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_archive_prefix;
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;`);
    report = await verifyAuditChain(await db());
    expect(report).toMatchObject({ ok: false, checked: 0, firstBroken: { reason: expect.stringMatching(/does not continue from archive 1 \(seq 1–5\)/) } });
  });
});
