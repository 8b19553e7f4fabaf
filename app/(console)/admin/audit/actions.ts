"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { listAuditEvents, type AuditRow } from "@/lib/services/audit/list-audit-events";
import { verifyAuditTrail, type TrailVerification } from "@/lib/services/audit/verify-audit-trail";
import { prepareAuditExport, type AuditExportSummary } from "@/lib/services/audit/prepare-audit-export";
import { updateAuditRetention, type SavedAuditRetention } from "@/lib/services/audit/audit-retention";
import { archiveAuditEvents, type ArchiveResult } from "@/lib/services/audit/archive-audit-events";

const ACCESS = ACTION_ACCESS["app/(console)/admin/audit/actions.ts"];

export async function loadAuditPageAction(
  filter: Record<string, string | undefined>,
): Promise<ActionResult<{ rows: AuditRow[]; nextBefore: string | null }>> {
  try {
    const { rows, nextBefore } = await listAuditEvents(await actionActor(ACCESS.loadAuditPageAction), filter);
    return { ok: true, data: { rows, nextBefore } };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function verifyAuditTrailAction(): Promise<ActionResult<TrailVerification>> {
  try {
    return { ok: true, data: await verifyAuditTrail(await actionActor(ACCESS.verifyAuditTrailAction)) };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function prepareAuditExportAction(period: { from: string; to: string }): Promise<ActionResult<AuditExportSummary>> {
  try {
    return { ok: true, data: await prepareAuditExport(await actionActor(ACCESS.prepareAuditExportAction), period) };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function updateAuditRetentionAction(_prev: ActionResult<SavedAuditRetention> | null, form: FormData): Promise<ActionResult<SavedAuditRetention>> {
  try {
    const data = await updateAuditRetention(await actionActor(ACCESS.updateAuditRetentionAction), Object.fromEntries(form));
    revalidatePath("/admin/audit");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function archiveAuditEventsAction(_prev: ActionResult<ArchiveResult> | null, form: FormData): Promise<ActionResult<ArchiveResult>> {
  try {
    const data = await archiveAuditEvents(await actionActor(ACCESS.archiveAuditEventsAction), Object.fromEntries(form));
    revalidatePath("/admin/audit");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
