import "server-only";
import { db } from "../../db/prisma";
import { sessionIdleMs } from "../../auth/limits";
import type { Actor } from "../../auth/actor";
import { endSession, type SessionOwner } from "./end-session";
import { withBreakGlass } from "../break-glass/with-break-glass";

// Writing last_seen_at on every request would turn each page view into a write; refreshing it
// at most once a minute (or a quarter of a short idle timeout) keeps the timeout accurate.
const touchIntervalMs = () => Math.min(60_000, sessionIdleMs() / 4);

/**
 * Checks a session row on every request: revoked, idle past the timeout, past its absolute
 * lifetime, or its user disabled all end it. Ending it is audited once (`session.expire`).
 */
export async function validateSession(sessionId: string, sourceIp: string | null): Promise<Actor | null> {
  const prisma = await db();
  const session = await prisma.session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.revokedAt) return null;
  const now = Date.now();
  const endReason = session.user.disabledAt
    ? "user-disabled"
    : now > session.expiresAt.getTime()
      ? "absolute-lifetime"
      : now - session.lastSeenAt.getTime() > sessionIdleMs()
        ? "idle-timeout"
        : null;
  if (endReason) {
    await expire(sessionId, endReason, session.user, sourceIp);
    return null;
  }
  if (now - session.lastSeenAt.getTime() > touchIntervalMs()) {
    await prisma.session.update({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  const { user } = session;
  // An active break-glass grant raises an ops user's role to admin for this request only.
  return withBreakGlass({ id: user.id, email: user.email, name: user.name, role: user.role, sessionId, sourceIp, mustChangePassword: user.mustChangePassword });
}

async function expire(sessionId: string, reason: string, user: SessionOwner, sourceIp: string | null): Promise<void> {
  const prisma = await db();
  await prisma.$transaction((tx) => endSession(tx, sessionId, user, { action: "session.expire", reason, sourceIp }));
}
