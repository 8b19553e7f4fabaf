import "server-only";
import { join } from "node:path";
import { createPublicKey } from "node:crypto";
import { env } from "../../env";
import { db } from "../../db/prisma";
import { checkpointDue, signCheckpoint } from "../../audit/checkpoint";
import { loadOrCreateSigningKey, readCheckpoints, readPublicKeyPem, writeCheckpoint } from "../../audit/checkpoint-store";
import type { Anchors } from "../../audit/verify-chain";
import { securePrivateTree } from "@/core/files/private-files";

export function checkpointDir(): string {
  const e = env();
  return e.VIGIL_AUDIT_CHECKPOINT_DIR ?? join(e.VIGIL_DATA_DIR, "audit-checkpoints");
}

/** Where archives of the oldest audit events are written (VIGIL_AUDIT_ARCHIVE_DIR, default <data>/audit-archives). */
export function archiveDir(): string {
  const e = env();
  return e.VIGIL_AUDIT_ARCHIVE_DIR ?? join(e.VIGIL_DATA_DIR, "audit-archives");
}

export function signingKeyFile(): string {
  const e = env();
  if (!e.VIGIL_AUDIT_SIGNING_KEY_FILE) securePrivateTree(e.VIGIL_DATA_DIR);
  return e.VIGIL_AUDIT_SIGNING_KEY_FILE ?? join(e.VIGIL_DATA_DIR, "audit-signing-key");
}

/** Writes a signed checkpoint of the newest audit event when one is due; returns its file. */
export async function writeCheckpointIfDue(now = new Date()): Promise<string | null> {
  const prisma = await db();
  const latest = await prisma.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  if (!latest) return null;
  // A checkpoint counts events from the chain's genesis, archived ones included.
  const archived = await prisma.auditArchive.aggregate({ _sum: { count: true } });
  const count = (await prisma.auditEvent.count()) + (archived._sum.count ?? 0);
  const dir = checkpointDir();
  const last = readCheckpoints(dir).checkpoints.at(-1) ?? null;
  if (!checkpointDue(last, { seq: latest.seq, count }, now)) return null;
  const { privateKey, publicKey } = loadOrCreateSigningKey(signingKeyFile());
  const cp = signCheckpoint({ seq: latest.seq.toString(), hash: latest.hash, count, at: now.toISOString() }, privateKey);
  return writeCheckpoint(dir, cp, publicKey);
}

/** The checkpoints and public key a verifier checks the chain against (null: none written yet). */
export function loadAnchors(dir = checkpointDir()): Anchors | null {
  const pem = readPublicKeyPem(dir);
  const { checkpoints, unreadable } = readCheckpoints(dir);
  if (unreadable.length) throw new Error(`unreadable checkpoint files in ${dir}: ${unreadable.join(", ")}`);
  return pem ? { checkpoints, publicKey: createPublicKey(pem) } : null;
}

const CHECK_EVERY_MS = 60_000;

/** Checks once a minute whether a checkpoint is due (every 100 events, and hourly). */
export function startCheckpointer(): void {
  const g = globalThis as { __vigilCheckpointer?: NodeJS.Timeout };
  if (g.__vigilCheckpointer) return;
  const tick = () => writeCheckpointIfDue().catch((err) => console.error(`audit checkpoint failed: ${err instanceof Error ? err.message : String(err)}`));
  void tick();
  g.__vigilCheckpointer = setInterval(tick, CHECK_EVERY_MS);
  g.__vigilCheckpointer.unref();
}
