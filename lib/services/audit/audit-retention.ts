import "server-only";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { auditRetentionSchema, DEFAULT_AUDIT_RETENTION, type AuditRetention } from "../../validations/audit-retention";
import { withReasonSchema } from "../../validations/reason";
import { invalidFields } from "../validation-error";

export interface SavedAuditRetention extends AuditRetention {
  /** 0: nobody has saved one; the defaults apply. */
  version: number;
  /** When this version was saved, which is when it took effect (the archive reads it each time). */
  savedAt: string | null;
}

/** The newest saved retention settings, or the defaults as version 0. */
export async function currentAuditRetention(): Promise<SavedAuditRetention> {
  const row = await (await db()).auditRetentionVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { version: 0, ...DEFAULT_AUDIT_RETENTION, savedAt: null };
  return { version: row.version, retentionYears: row.retentionYears, hotWindowDays: row.hotWindowDays, savedAt: row.createdAt.toISOString() };
}

/**
 * Saves new retention settings (admin; a reason; audited with the previous settings). A period
 * under six years or a hot window under 30 days is refused naming the field, and the refusal
 * is audited too.
 */
export async function updateAuditRetention(actor: Actor | null, input: Record<string, unknown>): Promise<SavedAuditRetention> {
  const user = await authorize(actor, "policy.change", { action: "audit.retention.update", target: "audit-retention" });
  const parsed = auditRetentionSchema.safeParse(input);
  const why = withReasonSchema.safeParse(input);
  const refused = invalidFields(parsed, why);
  const prisma = await db();
  if (refused || !parsed.success || !why.success) {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: user.id, actor: user.email, actorRole: user.role, action: "audit.retention.update", target: "audit-retention", sourceIp: user.sourceIp, outcome: "failure",
        after: { refused: refused?.fields ?? {}, retentionYears: String(input.retentionYears ?? ""), hotWindowDays: String(input.hotWindowDays ?? "") },
      }),
    );
    throw refused!;
  }
  await prisma.$transaction(async (tx) => {
    // Two admins saving at once get consecutive versions, each audited against the one before it.
    await tx.$executeRawUnsafe('LOCK TABLE "audit_retention_versions" IN EXCLUSIVE MODE');
    const last = await tx.auditRetentionVersion.findFirst({ orderBy: { version: "desc" } });
    const before: AuditRetention = last ? { retentionYears: last.retentionYears, hotWindowDays: last.hotWindowDays } : DEFAULT_AUDIT_RETENTION;
    const version = (last?.version ?? 0) + 1;
    await tx.auditRetentionVersion.create({ data: { version, ...parsed.data, reason: why.data.reason, createdById: user.id } });
    await recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "audit.retention.update", target: `audit-retention:v${version}`, sourceIp: user.sourceIp, outcome: "success",
      before: { version: last?.version ?? 0, ...before }, after: { version, ...parsed.data, reason: why.data.reason },
    });
  });
  return currentAuditRetention();
}
