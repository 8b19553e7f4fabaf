import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { sweepExpiredGrants } from "./expire-grant";

/** How many uses the review queue shows, newest first. */
export const REVIEW_QUEUE_LIMIT = 200;

export interface BreakGlassUse {
  id: string;
  user: string;
  reason: string;
  startedAt: Date;
  endsAt: Date;
  endedAt: Date | null;
  endedBy: string | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  ackNote: string | null;
}

/** The review queue: every use, unacknowledged first, each with who and why. Admin and compliance. */
export async function listBreakGlassUses(actor: Actor | null): Promise<BreakGlassUse[]> {
  await authorize(actor, "breakglass.review", { action: "breakglass.review" });
  await sweepExpiredGrants();
  const prisma = await db();
  const grants = await prisma.breakGlassGrant.findMany({ orderBy: { startedAt: "desc" }, take: REVIEW_QUEUE_LIMIT });
  const ids = [...new Set(grants.flatMap((g) => [g.userId, g.acknowledgedById]).filter((id): id is string => Boolean(id)))];
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  const email = new Map(users.map((u) => [u.id, u.email]));
  const uses = grants.map((g) => ({
    id: g.id,
    user: email.get(g.userId) ?? g.userId,
    reason: g.reason,
    startedAt: g.startedAt,
    endsAt: g.endsAt,
    endedAt: g.endedAt,
    endedBy: g.endedBy,
    acknowledgedAt: g.acknowledgedAt,
    acknowledgedBy: g.acknowledgedById ? (email.get(g.acknowledgedById) ?? g.acknowledgedById) : null,
    ackNote: g.ackNote,
  }));
  return [...uses.filter((u) => !u.acknowledgedAt), ...uses.filter((u) => u.acknowledgedAt)];
}
