import "server-only";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { db } from "../../db/prisma";
import { GENESIS_HASH } from "../../audit/canonical";
import { buildExport, MANIFEST_FILE, type SignedManifest } from "../../audit/export-bundle";
import type { ExportedRow } from "../../audit/fhir-audit-event";
import { loadOrCreateSigningKey, readCheckpoints } from "../../audit/checkpoint-store";
import { checkpointDir, signingKeyFile } from "./audit-anchors";

const BATCH = 5000;

/** The audit events recorded in [from, to) (up to seq `through` when given), oldest first, with their chain hashes. */
async function rowsIn(from: Date, to: Date, through?: bigint): Promise<ExportedRow[]> {
  const prisma = await db();
  const out: ExportedRow[] = [];
  let after: bigint | undefined;
  for (;;) {
    const rows = await prisma.auditEvent.findMany({
      where: { at: { gte: from, lt: to }, seq: { ...(after === undefined ? {} : { gt: after }), ...(through === undefined ? {} : { lte: through }) } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    for (const r of rows) out.push({ ...r, seq: r.seq.toString() });
    if (rows.length < BATCH) return out;
    after = rows.at(-1)!.seq;
  }
}

/**
 * Builds the export of a period (no authorization: the CLI runs with the database's own
 * access; the page's action authorizes and audits before calling this). An empty period is an
 * honest empty export, not an error. `through` pins the export to the events up to that seq, so
 * the page's three downloads (NDJSON, CSV, manifest) describe the same records even while new
 * events (their own audit.export among them) are written into the period.
 */
export async function buildAuditExport(from: Date, to: Date, through?: bigint): Promise<{ files: Record<string, string>; manifest: SignedManifest }> {
  if (!(from < to)) throw new Error("--from must be before --to");
  const rows = await rowsIn(from, to, through);
  const { privateKey, publicKey } = loadOrCreateSigningKey(signingKeyFile());
  return buildExport(rows, {
    from, to,
    prevHashBeforeFirst: rows[0]?.prevHash ?? GENESIS_HASH,
    checkpoints: readCheckpoints(checkpointDir()).checkpoints,
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  });
}

export function writeAuditExport(out: string, bundle: { files: Record<string, string>; manifest: SignedManifest }): string[] {
  mkdirSync(out, { recursive: true, mode: 0o700 });
  const written = Object.entries(bundle.files).map(([name, text]) => (writeFileSync(join(out, name), text, { mode: 0o600 }), name));
  writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(bundle.manifest, null, 2)}\n`, { mode: 0o600 });
  return [...written, MANIFEST_FILE];
}

