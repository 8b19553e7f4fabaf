import "server-only";
import { db } from "../../db/prisma";
import type { Actor } from "../../auth/actor";
import { recordExpiry } from "./expire-grant";

/**
 * The effective actor for this request: an ops user with an open, unexpired break-glass grant acts
 * with admin's role (and carries the grant's id); anyone else is returned as they are. Read from the
 * database on every request, never cached beyond it. A grant found past its end is recorded as
 * expired here, once.
 */
export async function withBreakGlass(actor: Actor): Promise<Actor> {
  if (actor.role !== "ops") return actor;
  const prisma = await db();
  const grant = await prisma.breakGlassGrant.findFirst({ where: { userId: actor.id, endedAt: null } });
  if (!grant) return actor;
  if (grant.endsAt.getTime() <= Date.now()) {
    await recordExpiry(grant, actor.sourceIp);
    return actor;
  }
  return { ...actor, role: "admin", breakGlass: { id: grant.id, endsAt: grant.endsAt } };
}
