"use server";

import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { listAuditEvents, type AuditRow } from "@/lib/services/audit/list-audit-events";
import { verifyAuditTrail, type TrailVerification } from "@/lib/services/audit/verify-audit-trail";
import { prepareAuditExport, type AuditExportSummary } from "@/lib/services/audit/prepare-audit-export";

export async function loadAuditPageAction(
  filter: Record<string, string | undefined>,
): Promise<ActionResult<{ rows: AuditRow[]; nextBefore: string | null }>> {
  try {
    const { rows, nextBefore } = await listAuditEvents(await getActor(), filter);
    return { ok: true, data: { rows, nextBefore } };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function verifyAuditTrailAction(): Promise<ActionResult<TrailVerification>> {
  try {
    return { ok: true, data: await verifyAuditTrail(await getActor()) };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function prepareAuditExportAction(period: { from: string; to: string }): Promise<ActionResult<AuditExportSummary>> {
  try {
    return { ok: true, data: await prepareAuditExport(await getActor(), period) };
  } catch (err) {
    return toActionResult(err);
  }
}
