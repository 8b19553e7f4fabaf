import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { GENESIS_HASH } from "./canonical";
import { MANIFEST_FILE, type SignedManifest } from "./export-bundle";
import { verifyExport } from "./verify-export";

/** An archive as the `audit_archives` table records it. */
export interface ArchiveRecord {
  id: number;
  firstSeq: bigint;
  lastSeq: bigint;
  count: number;
  prevHash: string;
  lastHash: string;
  manifestSha256: string;
  folder: string;
}

export const fileSha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/**
 * Checks the archives as one chain, oldest first: each folder verifies offline (every record,
 * link, checkpoint and file hash), its manifest is the one recorded when the rows were deleted,
 * and it starts where the archive before it ended (the genesis value for the first). Returns
 * the first archive that fails and why.
 */
export function verifyArchiveChain(archives: ArchiveRecord[], trustedPublicKeyPem?: string): { ok: true; records: number } | { ok: false; archive: ArchiveRecord; problem: string } {
  let prev = GENESIS_HASH;
  let records = 0;
  for (const a of archives) {
    const fail = (problem: string) => ({ ok: false as const, archive: a, problem });
    const manifestPath = join(a.folder, MANIFEST_FILE);
    if (!existsSync(manifestPath)) return fail(`folder ${a.folder} has no ${MANIFEST_FILE} (archive moved or deleted)`);
    if (fileSha256(manifestPath) !== a.manifestSha256) return fail(`${MANIFEST_FILE} is not the one recorded when the rows were deleted`);
    const report = verifyExport(a.folder, trustedPublicKeyPem);
    if (!report.ok) return fail(report.problem ?? "does not verify");
    const m = JSON.parse(readFileSync(manifestPath, "utf8")) as SignedManifest;
    if (m.chain.prevHashBeforeFirst !== prev || a.prevHash !== prev) return fail(`does not start where ${prev === GENESIS_HASH ? "the chain begins (genesis)" : "the archive before it ended"}`);
    if (m.chain.firstSeq !== a.firstSeq.toString() || m.chain.lastSeq !== a.lastSeq.toString() || m.chain.lastHash !== a.lastHash || m.count !== a.count) {
      return fail(`its manifest (seq ${m.chain.firstSeq}–${m.chain.lastSeq}) differs from the recorded range (seq ${a.firstSeq}–${a.lastSeq})`);
    }
    records += report.checked;
    prev = a.lastHash;
  }
  return { ok: true, records };
}
