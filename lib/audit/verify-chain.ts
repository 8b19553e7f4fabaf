import type { PrismaClient } from "../generated/prisma/client";
import { GENESIS_HASH, eventHash } from "./canonical";

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first row whose stored hashes do not match its content or its predecessor. */
  firstBroken?: { seq: string; reason: string };
}

const BATCH = 1000;

/** Recomputes the chain from the first row; stops at the first broken row and names it. */
export async function verifyAuditChain(db: PrismaClient): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let after: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: after === undefined ? {} : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return broken(checked, row.seq, "prev_hash does not match the previous row's hash (row inserted, deleted or reordered)");
      }
      if (eventHash(prevHash, row) !== row.hash) {
        return broken(checked, row.seq, "content does not match its hash (row altered)");
      }
      prevHash = row.hash;
      checked++;
    }
    if (rows.length < BATCH) return { ok: true, checked };
    after = rows[rows.length - 1]!.seq;
  }
}

function broken(checked: number, seq: bigint, reason: string): ChainReport {
  return { ok: false, checked, firstBroken: { seq: seq.toString(), reason } };
}
