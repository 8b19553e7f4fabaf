import { AppError } from "../errors";
import { db } from "../db/prisma";
import { recordAuditEvent } from "../audit/record-event";
import type { Actor } from "./actor";
import { can, type Permission } from "./roles";

/**
 * The first line of every service verb and protected page: refuses (and audits the refusal)
 * unless the actor's role holds the permission. Fails closed: no actor, no access.
 */
export async function authorize(
  actor: Actor | null,
  permission: Permission,
  attempted: { action: string; target?: string },
): Promise<Actor> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  // After an admin's password reset nothing but the password change (which does not come
  // through here) is allowed, whatever the role.
  const mustChange = actor.mustChangePassword === true;
  if (!mustChange && can(actor.role, permission)) return actor;
  const prisma = await db();
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: actor.id,
      actor: actor.email,
      actorRole: actor.role,
      action: "access.denied",
      target: attempted.target ?? attempted.action,
      sourceIp: actor.sourceIp,
      outcome: "denied",
      after: { attempted: attempted.action, permission, ...(mustChange ? { refusedBecause: "password change required" } : {}) },
    }),
  );
  if (mustChange) throw new AppError("FORBIDDEN", "Change your password first: an admin reset it.");
  throw new AppError("FORBIDDEN", `Your role (${actor.role}) may not do this: ${attempted.action}.`);
}
