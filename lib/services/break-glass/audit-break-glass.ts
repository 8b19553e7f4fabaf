import "server-only";
import { db } from "../../db/prisma";
import { recordAuditEvent, type Tx } from "../../audit/record-event";
import type { Actor } from "../../auth/actor";

/** Break-glass starts and ends are high-severity audit events (the review queue and reports read this). */
export const BREAK_GLASS_SEVERITY = "high";

type Outcome = "success" | "failure" | "denied";

/** One break-glass audit event inside the caller's transaction. */
export function auditBreakGlass(tx: Tx, actor: Pick<Actor, "id" | "email" | "role" | "sourceIp">, action: string, outcome: Outcome, after: Record<string, unknown>, target?: string) {
  return recordAuditEvent(tx, {
    actorId: actor.id,
    actor: actor.email,
    actorRole: actor.role,
    action,
    target: target ?? actor.email,
    sourceIp: actor.sourceIp,
    outcome,
    after,
  });
}

/** A refusal, in its own transaction so it stays recorded when the refused call throws. */
export async function auditBreakGlassRefusal(actor: Pick<Actor, "id" | "email" | "role" | "sourceIp">, action: string, outcome: Outcome, after: Record<string, unknown>, target?: string) {
  const prisma = await db();
  await prisma.$transaction((tx) => auditBreakGlass(tx, actor, action, outcome, after, target));
}
