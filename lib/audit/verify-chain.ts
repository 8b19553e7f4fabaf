import type { KeyObject } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { GENESIS_HASH, eventHash } from "./canonical";
import { checkpointSignatureOk, type SignedCheckpoint } from "./checkpoint";
import { verifyArchiveChain } from "./verify-archives";

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first row whose stored hashes do not match its content or its predecessor. */
  firstBroken?: { seq: string; reason: string };
  /** The newest checkpoint the chain was checked against (none: tail deletion is undetectable). */
  lastCheckpoint?: { seq: string; at: string; count: number };
  /** Set when older events were archived: the database's chain continues from this archive (all archives verified with it). */
  continuesFrom?: { archive: number; firstSeq: string; lastSeq: string; archives: number; archivedEvents: number };
}

export interface Anchors {
  checkpoints: SignedCheckpoint[];
  publicKey: KeyObject;
}

const BATCH = 1000;

/**
 * Recomputes the chain from the first row and stops at the first broken row, naming it. With
 * anchors, each signed checkpoint must name a row that is still there with the same hash and
 * position, and the chain must reach the newest checkpoint: rows deleted from the end, or a
 * chain rewritten with fresh hashes, fail here although every link is consistent. When older
 * events were archived, every archive folder is verified first (as one chain), and the first
 * row in the database must link to the newest archive's last hash instead of the genesis value.
 */
export async function verifyAuditChain(db: PrismaClient, anchors?: Anchors): Promise<ChainReport> {
  let continuesFrom: ChainReport["continuesFrom"];
  const pending = new Map((anchors?.checkpoints ?? []).map((c) => [c.seq, c]));
  const newest = anchors?.checkpoints.reduce<SignedCheckpoint | undefined>((a, c) => (!a || BigInt(c.seq) > BigInt(a.seq) ? c : a), undefined);
  const lastCheckpoint = newest && { seq: newest.seq, at: newest.at, count: newest.count };
  for (const cp of pending.values()) {
    if (!checkpointSignatureOk(cp, anchors!.publicKey)) return broken(0, cp.seq, `checkpoint at seq ${cp.seq} has an invalid signature (checkpoint forged or altered)`);
  }
  const archives = await db.auditArchive.findMany({ orderBy: { lastSeq: "asc" } });
  const newestArchive = archives.at(-1);
  let archivedEvents = 0;
  if (newestArchive) {
    const folders = verifyArchiveChain(archives, anchors?.publicKey.export({ type: "spki", format: "pem" }).toString());
    if (!folders.ok) return broken(0, folders.archive.firstSeq, `archive ${folders.archive.id} (seq ${folders.archive.firstSeq}–${folders.archive.lastSeq}): ${folders.problem}`);
    archivedEvents = archives.reduce((n, a) => n + a.count, 0);
    continuesFrom = { archive: newestArchive.id, firstSeq: archives[0]!.firstSeq.toString(), lastSeq: newestArchive.lastSeq.toString(), archives: archives.length, archivedEvents };
    // Checkpoints inside the archived range travel in the archives' manifests and were checked there.
    for (const [seq] of pending) if (BigInt(seq) <= newestArchive.lastSeq) pending.delete(seq);
  }
  let prevHash = newestArchive?.lastHash ?? GENESIS_HASH;
  let checked = 0;
  let after: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: after === undefined ? {} : { seq: { gt: after } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        if (checked === 0 && newestArchive) return broken(0, row.seq, `the first row does not continue from archive ${newestArchive.id} (seq ${newestArchive.firstSeq}–${newestArchive.lastSeq}): its prev_hash is not that archive's last hash (rows deleted or inserted across the archive boundary)`);
        return broken(checked, row.seq, "prev_hash does not match the previous row's hash (row inserted, deleted or reordered)");
      }
      if (eventHash(prevHash, row) !== row.hash) return broken(checked, row.seq, "content does not match its hash (row altered)");
      checked++;
      const cp = pending.get(row.seq.toString());
      if (cp) {
        if (cp.hash !== row.hash || cp.count !== archivedEvents + checked) {
          return broken(checked - 1, row.seq, `differs from the signed checkpoint of ${cp.at} (chain rewritten, or rows removed before it)`);
        }
        pending.delete(cp.seq);
      }
      prevHash = row.hash;
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.seq;
  }
  const missing = [...pending.values()].sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1))[0];
  if (missing) {
    return {
      ok: false,
      checked,
      lastCheckpoint,
      continuesFrom,
      firstBroken: { seq: missing.seq, reason: `missing: a checkpoint signed at ${missing.at} names this row (event ${missing.count}), but the chain has ${archivedEvents + checked} events and no such row (rows deleted from the end)` },
    };
  }
  return { ok: true, checked, lastCheckpoint, ...(continuesFrom ? { continuesFrom } : {}) };

  function broken(n: number, seq: bigint | string, reason: string): ChainReport {
    return { ok: false, checked: n, firstBroken: { seq: seq.toString(), reason }, lastCheckpoint, ...(continuesFrom ? { continuesFrom } : {}) };
  }
}
