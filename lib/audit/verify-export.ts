import { createPublicKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eventHash } from "./canonical";
import { checkpointSignatureOk } from "./checkpoint";
import { MANIFEST_FILE, NDJSON_FILE, manifestSignatureOk, sha256, type SignedManifest } from "./export-bundle";
import { fromAuditEvent, type AuditEventResource } from "./fhir-audit-event";

export interface ExportReport {
  ok: boolean;
  checked: number;
  problem?: string;
  checkpoints: number;
}

/**
 * Verifies an audit export folder with no database: the manifest's signature, every record's
 * hash recomputed from its own fields, every link to the record before it, the chain's ends,
 * the checkpoints, and the files' SHA-256. Names the first altered, missing, extra or
 * reordered record. `trustedPublicKey` (PEM) overrides the key the export carries.
 */
export function verifyExport(dir: string, trustedPublicKey?: string): ExportReport {
  const fail = (checked: number, problem: string, checkpoints = 0): ExportReport => ({ ok: false, checked, problem, checkpoints });
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return fail(0, `${MANIFEST_FILE} is missing`);
  let m: SignedManifest;
  try {
    m = JSON.parse(readFileSync(manifestPath, "utf8")) as SignedManifest;
  } catch {
    return fail(0, `${MANIFEST_FILE} is not valid JSON`);
  }
  const publicKey = createPublicKey(trustedPublicKey ?? m.publicKey);
  if (!manifestSignatureOk(m, publicKey)) return fail(0, `${MANIFEST_FILE} signature does not verify (manifest altered, or signed by another key)`);

  const text = existsSync(join(dir, NDJSON_FILE)) ? readFileSync(join(dir, NDJSON_FILE), "utf8") : null;
  if (text === null) return fail(0, `${NDJSON_FILE} is missing`);
  const lines = text.split("\n").filter((l, i, all) => l !== "" || i < all.length - 1);
  let prev = m.chain.prevHashBeforeFirst;
  const bySeq = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const where = `line ${i + 1}`;
    let row;
    try {
      row = fromAuditEvent(JSON.parse(lines[i]!) as AuditEventResource);
    } catch {
      return fail(i, `${where} is not a Vigil AuditEvent (extra or corrupted line)`);
    }
    if (row.prevHash !== prev) {
      return fail(i, `${where} (seq ${row.seq}): does not follow the record before it (a record before it is missing, or records are reordered or inserted)`);
    }
    if (eventHash(row.prevHash, row) !== row.hash) return fail(i, `${where} (seq ${row.seq}): content does not match its hash (record altered)`);
    bySeq.set(row.seq, row.hash);
    prev = row.hash;
  }
  if (lines.length < m.count) return fail(lines.length, `records missing at the end: ${lines.length} of ${m.count}; the manifest's last record is seq ${m.chain.lastSeq}`);
  if (lines.length > m.count) return fail(lines.length, `${lines.length - m.count} extra record(s) after seq ${m.chain.lastSeq}`);
  if (m.chain.lastHash !== null && prev !== m.chain.lastHash) return fail(lines.length, `the records were rewritten: the last hash differs from the signed manifest's (seq ${m.chain.lastSeq})`);
  for (const cp of m.checkpoints) {
    if (!checkpointSignatureOk(cp, publicKey)) return fail(lines.length, `checkpoint at seq ${cp.seq} has an invalid signature`);
    if (bySeq.get(cp.seq) !== cp.hash) return fail(lines.length, `seq ${cp.seq} differs from its signed checkpoint of ${cp.at}`);
  }
  for (const f of m.files) {
    const p = join(dir, f.name);
    if (!existsSync(p)) return fail(lines.length, `${f.name} is missing`);
    if (sha256(readFileSync(p, "utf8")) !== f.sha256) return fail(lines.length, `${f.name} does not match its SHA-256 in the manifest`);
  }
  return { ok: true, checked: lines.length, checkpoints: m.checkpoints.length };
}
