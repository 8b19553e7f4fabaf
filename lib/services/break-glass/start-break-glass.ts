import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { startBreakGlassSchema } from "../../validations/break-glass";
import { invalidInput } from "../validation-error";
import { BREAK_GLASS_SEVERITY, auditBreakGlass, auditBreakGlassRefusal } from "./audit-break-glass";
import { sweepExpiredGrants } from "./expire-grant";

const ACTION = "breakglass.start";

export interface StartedGrant {
  id: string;
  startedAt: Date;
  endsAt: Date;
}

/**
 * An ops user takes admin's rights for a stated reason and at most an hour. Refused, and audited:
 * while one is active, for any role but ops, without a reason or past the limit, for a disabled user.
 */
export async function startBreakGlass(actor: Actor | null, input: unknown): Promise<StartedGrant> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  // Checked before the role: during break-glass the effective role is admin.
  if (actor.breakGlass) return refuse(actor, "CONFLICT", "already-active", "Break-glass is already active for you; end it first.");
  await authorize(actor, "breakglass.start", { action: ACTION });
  const parsed = startBreakGlassSchema.safeParse(input);
  if (!parsed.success) {
    const err = invalidInput(parsed.error);
    const requested = (input as { minutes?: unknown } | null)?.minutes;
    await auditBreakGlassRefusal(actor, ACTION, "failure", { refused: "invalid-input", fields: Object.keys(err.fields ?? {}), requestedMinutes: String(requested ?? "") });
    throw err;
  }
  const { reason, minutes } = parsed.data;
  await sweepExpiredGrants();
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: actor.id } });
  // The role is read again from the user row: a session's actor may be a request old.
  if (!user || user.disabledAt) return refuse(actor, "FORBIDDEN", "user-disabled", "This account is disabled.");
  if (user.role !== "ops") return refuse(actor, "FORBIDDEN", "role-not-ops", "Only clinical operations users may break glass.");
  try {
    return await prisma.$transaction(async (tx) => {
      const startedAt = new Date();
      const endsAt = new Date(startedAt.getTime() + minutes * 60_000);
      const grant = await tx.breakGlassGrant.create({ data: { userId: actor.id, reason, startedAt, endsAt } });
      await auditBreakGlass(tx, actor, ACTION, "success", { breakGlass: grant.id, severity: BREAK_GLASS_SEVERITY, reason, minutes, startedAt, endsAt, grantedRole: "admin" });
      return { id: grant.id, startedAt, endsAt };
    });
  } catch (err) {
    // The partial unique index allows one open grant per user: a second, simultaneous start lands here.
    if ((err as { code?: string }).code === "P2002") return refuse(actor, "CONFLICT", "already-active", "Break-glass is already active for you; end it first.");
    throw err;
  }
}

async function refuse(actor: Actor, code: "CONFLICT" | "FORBIDDEN", why: string, message: string): Promise<never> {
  await auditBreakGlassRefusal(actor, ACTION, "denied", { refused: why, severity: BREAK_GLASS_SEVERITY });
  throw new AppError(code, message);
}
