import "server-only";
import { db } from "../../db/prisma";
import { recordAuditEvent, type AuditInput, type Tx } from "../../audit/record-event";
import type { Actor } from "../../auth/actor";

type Event = Pick<AuditInput, "action" | "target" | "outcome" | "before" | "after">;

export function auditIndexEvent(tx: Tx, actor: Actor, e: Event) {
  return recordAuditEvent(tx, { actorId: actor.id, actor: actor.email, actorRole: actor.role, sourceIp: actor.sourceIp, ...e });
}

/** A refusal or failure with no row to change: the audit event is the whole transaction. */
export async function auditIndexOutcome(actor: Actor, e: Event): Promise<void> {
  await (await db()).$transaction((tx) => auditIndexEvent(tx, actor, e));
}
