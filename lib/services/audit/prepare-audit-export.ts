import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import type { SignedManifest } from "../../audit/export-bundle";
import { auditExportPreviewSchema } from "../../validations/audit";
import { invalidInput } from "../validation-error";
import { buildAuditExport } from "./build-audit-export";

/** What the Audit page shows before the downloads: the manifest's hashes and checkpoints. */
export interface AuditExportSummary {
  from: string;
  to: string;
  /** The newest event the export covers; the download links carry it so all three files agree. */
  through: string;
  count: number;
  chain: SignedManifest["chain"];
  files: SignedManifest["files"];
  checkpoints: { seq: string; at: string; count: number; hash: string }[];
}

/** The period's export, pinned to `through` (default: the newest event now). Shared by the preview and the downloads. */
export async function pinnedAuditExport(p: { from: Date; to: Date; through?: string }) {
  const through = p.through ?? ((await (await db()).auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0n).toString();
  return { through, bundle: await buildAuditExport(p.from, p.to, BigInt(through)) };
}

/**
 * Compliance and admin: builds the export of a period as `npm run audit:export` would and
 * returns its manifest's hashes, without the records (the downloads, which are audited, carry those).
 */
export async function prepareAuditExport(actor: Actor | null, input: unknown): Promise<AuditExportSummary> {
  await authorize(actor, "audit.view", { action: "audit.export" });
  const parsed = auditExportPreviewSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { through, bundle } = await pinnedAuditExport(parsed.data);
  const m = bundle.manifest;
  return {
    from: m.period.from, to: m.period.to, through, count: m.count, chain: m.chain, files: m.files,
    checkpoints: m.checkpoints.map(({ seq, at, count, hash }) => ({ seq, at, count, hash })),
  };
}
