import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import type { Actor } from "../../auth/actor";

export async function signOutSession(actor: Actor): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const ended = await tx.session.updateMany({
      where: { id: actor.sessionId, revokedAt: null },
      data: { revokedAt: new Date(), endReason: "sign-out" },
    });
    if (ended.count === 0) return;
    await recordAuditEvent(tx, {
      actorId: actor.id,
      actor: actor.email,
      actorRole: actor.role,
      action: "auth.sign_out",
      target: actor.email,
      sourceIp: actor.sourceIp,
      outcome: "success",
    });
  });
}
