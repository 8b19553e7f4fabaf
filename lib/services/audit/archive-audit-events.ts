import "server-only";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { verifyExport } from "../../audit/verify-export";
import { fileSha256 } from "../../audit/verify-archives";
import { MANIFEST_FILE } from "../../audit/export-bundle";
import { loadOrCreateSigningKey } from "../../audit/checkpoint-store";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { withReasonSchema } from "../../validations/reason";
import { auditArchiveRequestSchema } from "../../validations/audit-retention";
import { invalidFields } from "../validation-error";
import { securePrivateTree } from "@/core/files/private-files";
import { archiveDir, signingKeyFile } from "./audit-anchors";
import { buildAuditExport, writeAuditExport } from "./build-audit-export";
import { currentAuditRetention } from "./audit-retention";

const DAY_MS = 86_400_000;

/** Who archives: a signed-in admin, or the terminal (the database's own access). */
export interface ArchiveWho {
  id: string | null;
  label: string;
  role: string | null;
  sourceIp: string | null;
  reason: string;
}

/** An archive folder written and not yet committed: the rows it holds are still in the database. */
export interface PreparedArchive {
  folder: string;
  firstSeq: bigint;
  lastSeq: bigint;
  count: number;
  prevHash: string;
  lastHash: string;
  lastAt: Date;
  cutoff: string;
}

export type ArchiveResult =
  | { status: "nothing"; cutoff: string; hotWindowDays: number }
  | { status: "archived"; archive: number; firstSeq: string; lastSeq: string; count: number; lastHash: string; manifestSha256: string; folder: string }
  | { status: "failed"; folder: string; problem: string };

/**
 * Writes every event older than the hot window, from the chain's current start, as an export
 * folder (NDJSON, CSV, signed manifest). The range is the longest prefix of the chain recorded
 * before the cutoff, so the chain left in the database stays contiguous. Deletes nothing.
 */
export async function writeAuditArchive(opts: { out?: string; now?: Date } = {}): Promise<PreparedArchive | Extract<ArchiveResult, { status: "nothing" }>> {
  const prisma = await db();
  const { hotWindowDays } = await currentAuditRetention();
  const cutoff = new Date((opts.now ?? new Date()).getTime() - hotWindowDays * DAY_MS);
  const first = await prisma.auditEvent.findFirst({ orderBy: { seq: "asc" } });
  const firstHot = await prisma.auditEvent.findFirst({ where: { at: { gte: cutoff } }, orderBy: { seq: "asc" }, select: { seq: true } });
  const last = first && (await prisma.auditEvent.findFirst({ where: { seq: firstHot ? { lt: firstHot.seq } : {} }, orderBy: { seq: "desc" } }));
  if (!first || !last || first.at >= cutoff) return { status: "nothing", cutoff: cutoff.toISOString(), hotWindowDays };
  const bundle = await buildAuditExport(new Date(0), cutoff, last.seq);
  // Stamped with the time, so a failed attempt's folder (left for inspection) never blocks the next one.
  const stamp = (opts.now ?? new Date()).toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const folder = resolve(opts.out ?? join(archiveDir(), `archive-seq-${first.seq}-${last.seq}-${stamp}`));
  if (existsSync(folder) && readdirSync(folder).length > 0) throw new Error(`${folder} already exists and is not empty`);
  writeAuditExport(folder, bundle);
  securePrivateTree(folder);
  return { folder, firstSeq: first.seq, lastSeq: last.seq, count: bundle.manifest.count, prevHash: first.prevHash, lastHash: last.hash, lastAt: last.at, cutoff: cutoff.toISOString() };
}

/**
 * Verifies the written folder offline with the export verifier and against the database, records
 * the archive, writes its `audit.archive` event and deletes exactly the archived rows, all in one
 * transaction. If the folder does not verify, or the chain's start moved meanwhile, nothing is
 * deleted and the failure is audited.
 */
export async function commitAuditArchive(prepared: PreparedArchive, who: ArchiveWho): Promise<ArchiveResult> {
  const prisma = await db();
  const range = { firstSeq: prepared.firstSeq.toString(), lastSeq: prepared.lastSeq.toString(), count: prepared.count, folder: prepared.folder };
  const failed = async (problem: string): Promise<ArchiveResult> => {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, { actorId: who.id, actor: who.label, actorRole: who.role, action: "audit.archive", target: "audit_events", sourceIp: who.sourceIp, outcome: "failure", after: { ...range, problem, reason: who.reason } }),
    );
    return { status: "failed", folder: prepared.folder, problem };
  };
  const { publicKey } = loadOrCreateSigningKey(signingKeyFile());
  const report = verifyExport(prepared.folder, publicKey.export({ type: "spki", format: "pem" }).toString());
  if (!report.ok) return failed(`the archive does not verify: ${report.problem}`);
  if (report.checked !== prepared.count) return failed(`the archive holds ${report.checked} records, not ${prepared.count}`);
  const manifestSha256 = fileSha256(join(prepared.folder, MANIFEST_FILE));
  try {
    const archive = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('LOCK TABLE "audit_events" IN SHARE ROW EXCLUSIVE MODE');
      const first = await tx.auditEvent.findFirst({ orderBy: { seq: "asc" } });
      const last = await tx.auditEvent.findUnique({ where: { seq: prepared.lastSeq } });
      const held = await tx.auditEvent.count({ where: { seq: { lte: prepared.lastSeq } } });
      if (first?.seq !== prepared.firstSeq || first.prevHash !== prepared.prevHash || last?.hash !== prepared.lastHash || held !== prepared.count) {
        throw new Error("the chain's start changed since the archive was written (archived by someone else?)");
      }
      const row = await tx.auditArchive.create({
        data: {
          firstSeq: prepared.firstSeq, lastSeq: prepared.lastSeq, count: prepared.count, prevHash: prepared.prevHash, lastHash: prepared.lastHash, lastAt: prepared.lastAt,
          manifestSha256, folder: prepared.folder, verified: true, createdById: who.id, createdBy: who.label,
        },
      });
      // Written before the delete, so it chains onto the newest row, which the delete keeps.
      await recordAuditEvent(tx, {
        actorId: who.id, actor: who.label, actorRole: who.role, action: "audit.archive", target: `audit-archive:${row.id}`, sourceIp: who.sourceIp, outcome: "success",
        after: { archive: row.id, ...range, lastHash: prepared.lastHash, manifestSha256, cutoff: prepared.cutoff, reason: who.reason },
      });
      const deleted = await tx.auditEvent.deleteMany({ where: { seq: { lte: prepared.lastSeq } } });
      if (deleted.count !== prepared.count) throw new Error(`deleted ${deleted.count} rows, expected ${prepared.count}`);
      return row;
    });
    return { status: "archived", archive: archive.id, ...range, lastHash: prepared.lastHash, manifestSha256 };
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
}

/** Writes, verifies and commits one archive (the terminal's and the page's shared path). */
export async function runAuditArchive(who: ArchiveWho, opts: { out?: string; now?: Date } = {}): Promise<ArchiveResult> {
  let prepared: Awaited<ReturnType<typeof writeAuditArchive>>;
  try {
    prepared = await writeAuditArchive(opts);
  } catch (err) {
    const problem = `the archive could not be written: ${err instanceof Error ? err.message : String(err)}`;
    await (await db()).$transaction((tx) =>
      recordAuditEvent(tx, { actorId: who.id, actor: who.label, actorRole: who.role, action: "audit.archive", target: "audit_events", sourceIp: who.sourceIp, outcome: "failure", after: { problem, reason: who.reason } }),
    );
    return { status: "failed", folder: opts.out ?? archiveDir(), problem };
  }
  if ("status" in prepared) return prepared;
  return commitAuditArchive(prepared, who);
}

/** The Audit page's "Archive now" (admin, with a reason; the result, whatever it is, is audited). */
export async function archiveAuditEvents(actor: Actor | null, input: Record<string, unknown>): Promise<ArchiveResult> {
  const user = await authorize(actor, "policy.change", { action: "audit.archive", target: "audit_events" });
  const shape = auditArchiveRequestSchema.safeParse(input);
  const why = withReasonSchema.safeParse(input);
  const refused = invalidFields(shape, why);
  if (refused || !why.success) throw refused!;
  const who: ArchiveWho = { id: user.id, label: user.email, role: user.role, sourceIp: user.sourceIp, reason: why.data.reason };
  const result = await runAuditArchive(who);
  if (result.status === "nothing") {
    await (await db()).$transaction((tx) =>
      recordAuditEvent(tx, { actorId: user.id, actor: user.email, actorRole: user.role, action: "audit.archive", target: "audit_events", sourceIp: user.sourceIp, outcome: "success", after: { nothingBefore: result.cutoff, reason: who.reason } }),
    );
  }
  return result;
}
