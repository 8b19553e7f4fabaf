import { createHash, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "./canonical";
import type { SignedCheckpoint } from "./checkpoint";
import { toAuditEvent, type ExportedRow } from "./fhir-audit-event";

/**
 * An audit export: the events of a period as FHIR AuditEvent NDJSON and as CSV, with a
 * manifest of SHA-256 hashes, the chain's first and last hashes, the signed checkpoints that
 * fall in the period and the public key that checks them. The manifest is signed with the
 * same Ed25519 key as the checkpoints, so replacing a file and its hash is caught too.
 */
export const NDJSON_FILE = "audit-events.ndjson";
export const CSV_FILE = "audit-events.csv";
export const MANIFEST_FILE = "manifest.json";

export interface Manifest {
  format: "vigil-audit-export/1";
  period: { from: string; to: string };
  generatedAt: string;
  count: number;
  chain: { firstSeq: string | null; lastSeq: string | null; prevHashBeforeFirst: string; lastHash: string | null };
  files: { name: string; sha256: string; bytes: number }[];
  checkpoints: SignedCheckpoint[];
  publicKey: string;
}

export interface SignedManifest extends Manifest {
  signature: string;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const CSV_COLUMNS = ["seq", "at", "actor", "actor_role", "action", "target", "source_ip", "outcome", "before", "after", "prev_hash", "hash"] as const;
const csvCell = (v: string | null) => (v === null ? "" : /[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);

export function toCsv(rows: ExportedRow[]): string {
  const lines = rows.map((r) =>
    [r.seq, r.at.toISOString(), r.actor, r.actorRole, r.action, r.target, r.sourceIp, r.outcome, JSON.stringify(r.before ?? null), JSON.stringify(r.after ?? null), r.prevHash, r.hash].map(csvCell).join(","),
  );
  return `${[CSV_COLUMNS.join(","), ...lines].join("\r\n")}\r\n`;
}

export function toNdjson(rows: ExportedRow[]): string {
  return rows.map((r) => `${JSON.stringify(toAuditEvent(r))}\n`).join("");
}

export function buildExport(
  rows: ExportedRow[],
  opts: { from: Date; to: Date; prevHashBeforeFirst: string; checkpoints: SignedCheckpoint[]; privateKey: KeyObject; publicKeyPem: string; now?: Date },
): { files: Record<string, string>; manifest: SignedManifest } {
  const files = { [NDJSON_FILE]: toNdjson(rows), [CSV_FILE]: toCsv(rows) };
  const seqs = new Set(rows.map((r) => r.seq));
  const manifest: Manifest = {
    format: "vigil-audit-export/1",
    period: { from: opts.from.toISOString(), to: opts.to.toISOString() },
    generatedAt: (opts.now ?? new Date()).toISOString(),
    count: rows.length,
    chain: { firstSeq: rows[0]?.seq ?? null, lastSeq: rows.at(-1)?.seq ?? null, prevHashBeforeFirst: opts.prevHashBeforeFirst, lastHash: rows.at(-1)?.hash ?? null },
    files: Object.entries(files).map(([name, text]) => ({ name, sha256: sha256(text), bytes: Buffer.byteLength(text) })),
    checkpoints: opts.checkpoints.filter((c) => seqs.has(c.seq)),
    publicKey: opts.publicKeyPem,
  };
  const signature = sign(null, Buffer.from(canonicalJson(manifest)), opts.privateKey).toString("base64");
  return { files, manifest: { ...manifest, signature } };
}

export function manifestSignatureOk(m: SignedManifest, publicKey: KeyObject): boolean {
  const { signature, ...body } = m;
  try {
    return verify(null, Buffer.from(canonicalJson(body)), publicKey, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

export { sha256 };
