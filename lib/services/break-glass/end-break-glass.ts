import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import type { Actor } from "../../auth/actor";
import { BREAK_GLASS_SEVERITY, auditBreakGlass } from "./audit-break-glass";
import { recordExpiry } from "./expire-grant";

/** "End now": the signed-in user ends their own open grant; audited once, high severity. */
export async function endBreakGlass(actor: Actor | null): Promise<{ endedBy: "user" | "expiry" }> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  const prisma = await db();
  const grant = await prisma.breakGlassGrant.findFirst({ where: { userId: actor.id, endedAt: null } });
  if (!grant) throw new AppError("CONFLICT", "No break-glass is active for you.");
  if (grant.endsAt.getTime() <= Date.now()) {
    await recordExpiry(grant, actor.sourceIp);
    return { endedBy: "expiry" };
  }
  const ended = await prisma.$transaction(async (tx) => {
    const endedAt = new Date();
    const updated = await tx.breakGlassGrant.updateMany({ where: { id: grant.id, endedAt: null }, data: { endedAt, endedBy: "user" } });
    if (updated.count !== 1) return false;
    await auditBreakGlass(tx, actor, "breakglass.end", "success", {
      breakGlass: grant.id,
      severity: BREAK_GLASS_SEVERITY,
      endedBy: "user",
      startedAt: grant.startedAt,
      endsAt: grant.endsAt,
      endedAt,
      reason: grant.reason,
    });
    return true;
  });
  if (!ended) throw new AppError("CONFLICT", "This break-glass has already ended.");
  return { endedBy: "user" };
}
