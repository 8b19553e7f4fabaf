import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { recordAuditEvent } from "../../audit/record-event";
import { CSV_FILE, MANIFEST_FILE, NDJSON_FILE, sha256 } from "../../audit/export-bundle";
import { auditExportDownloadSchema, type AuditExportFormat } from "../../validations/audit";
import { invalidInput } from "../validation-error";
import { pinnedAuditExport } from "./prepare-audit-export";

/** Each download keeps the file name the offline verifier expects in an export folder. */
const FILES: Record<AuditExportFormat, { name: string; type: string }> = {
  ndjson: { name: NDJSON_FILE, type: "application/fhir+ndjson" },
  csv: { name: CSV_FILE, type: "text/csv" },
  manifest: { name: MANIFEST_FILE, type: "application/json" },
};

/**
 * One file of a period's audit export, the same bytes `npm run audit:export` writes, built by
 * the console's own database client (so it works on the embedded database while the console
 * runs). Compliance and admin; each download is itself audited (`audit.export`).
 */
export async function downloadAuditExport(actor: Actor | null, input: unknown): Promise<{ name: string; type: string; body: string }> {
  const user = await authorize(actor, "audit.view", { action: "audit.export" });
  const parsed = auditExportDownloadSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { format, from, to } = parsed.data;
  const { through, bundle } = await pinnedAuditExport(parsed.data);
  const file = FILES[format];
  const body = format === "manifest" ? `${JSON.stringify(bundle.manifest, null, 2)}\n` : bundle.files[file.name]!;
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "audit.export", target: file.name, sourceIp: user.sourceIp, outcome: "success",
      after: { format, from: from.toISOString(), to: to.toISOString(), through, count: bundle.manifest.count, sha256: sha256(body) },
    }),
  );
  return { ...file, body };
}
