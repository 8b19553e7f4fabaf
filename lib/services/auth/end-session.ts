import "server-only";
import { recordAuditEvent, type Tx } from "../../audit/record-event";

export interface SessionOwner {
  id: string;
  email: string;
  role: string;
}

/**
 * Revokes a session row and writes its one audit event, in the caller's transaction. Only the
 * call that actually ends the session writes the event, so racing requests cannot double it.
 */
export async function endSession(
  tx: Tx,
  sessionId: string,
  owner: SessionOwner,
  event: { action: "auth.sign_out" | "session.expire"; reason: string; sourceIp: string | null },
): Promise<boolean> {
  const ended = await tx.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(), endReason: event.reason },
  });
  if (ended.count === 0) return false;
  await recordAuditEvent(tx, {
    actorId: owner.id,
    actor: owner.email,
    actorRole: owner.role,
    action: event.action,
    target: owner.email,
    sourceIp: event.sourceIp,
    outcome: "success",
    ...(event.action === "session.expire" ? { after: { reason: event.reason } } : {}),
  });
  return true;
}
