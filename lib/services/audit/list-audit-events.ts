import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { auditFilterSchema } from "../../validations/audit";
import { invalidInput } from "../validation-error";
import type { Prisma } from "../../generated/prisma/client";
import type { ChainedEvent } from "../../audit/canonical";

/** An audit event as the list shows it: the chained fields, with seq and time as strings. */
export type AuditRow = Omit<ChainedEvent, "at" | "actorId"> & { seq: string; at: string };

/** Newest first; keyset-paginated by seq so deep pages stay cheap on a long trail. */
export async function listAuditEvents(
  actor: Actor | null,
  input: unknown,
): Promise<{ rows: AuditRow[]; nextBefore: string | null; total: number }> {
  await authorize(actor, "audit.view", { action: "audit.list" });
  const parsed = auditFilterSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const f = parsed.data;
  const where: Prisma.AuditEventWhereInput = {
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(f.actor ? { actor: { contains: f.actor, mode: "insensitive" } } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}), ...(f.to ? { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) } : {}) } } : {}),
  };
  const prisma = await db();
  const [rows, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where: f.before ? { ...where, seq: { lt: BigInt(f.before) } } : where,
      orderBy: { seq: "desc" },
      take: f.limit,
    }),
    prisma.auditEvent.count({ where }),
  ]);
  return {
    rows: rows.map((r) => ({
      seq: r.seq.toString(),
      at: r.at.toISOString(),
      actor: r.actor,
      actorRole: r.actorRole,
      action: r.action,
      target: r.target,
      sourceIp: r.sourceIp,
      outcome: r.outcome,
      before: r.before,
      after: r.after,
    })),
    nextBefore: rows.length === f.limit ? rows[rows.length - 1]!.seq.toString() : null,
    total,
  };
}
