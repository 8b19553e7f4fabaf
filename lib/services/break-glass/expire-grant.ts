import "server-only";
import { db } from "../../db/prisma";
import { BREAK_GLASS_SEVERITY, auditBreakGlass } from "./audit-break-glass";

interface DueGrant {
  id: string;
  userId: string;
  reason: string;
  startedAt: Date;
  endsAt: Date;
}

/**
 * Records a grant's expiry the first time anything notices it is past its end: the end is written
 * only while ended_at is still NULL, so however many requests notice at once, one records it and
 * audits it (in the same transaction); the others find nothing to update.
 */
export async function recordExpiry(grant: DueGrant, sourceIp: string | null): Promise<boolean> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const ended = await tx.breakGlassGrant.updateMany({
      where: { id: grant.id, endedAt: null },
      data: { endedAt: grant.endsAt, endedBy: "expiry" },
    });
    if (ended.count !== 1) return false;
    const user = await tx.user.findUnique({ where: { id: grant.userId }, select: { email: true } });
    await auditBreakGlass(tx, { id: grant.userId, email: user?.email ?? grant.userId, role: "ops", sourceIp }, "breakglass.end", "success", {
      breakGlass: grant.id,
      severity: BREAK_GLASS_SEVERITY,
      endedBy: "expiry",
      startedAt: grant.startedAt,
      endsAt: grant.endsAt,
      reason: grant.reason,
    });
    return true;
  });
}

/** Records every grant past its end that nobody has noticed yet; returns how many it recorded. */
export async function sweepExpiredGrants(now = new Date()): Promise<number> {
  const prisma = await db();
  const due = await prisma.breakGlassGrant.findMany({ where: { endedAt: null, endsAt: { lte: now } } });
  let recorded = 0;
  for (const grant of due) if (await recordExpiry(grant, null)) recorded++;
  return recorded;
}
