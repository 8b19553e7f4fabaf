import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { hashPassword, verifyPassword } from "../../auth/password";
import { passwordWeakness } from "../../auth/password-strength";
import type { Actor } from "../../auth/actor";
import { changePasswordSchema } from "../../validations/passwords";
import { invalidInput } from "../validation-error";
import { countRefusalInWindow, releaseAfterSuccess, reserveSignInAttempt, waitText, type ThrottleDecision } from "./throttle";

/**
 * A signed-in user changes their own password (every role may; it is also the one thing a user
 * whose password an admin reset may do). Clears the forced-change flag and ends the user's
 * other sessions; the session making the change stays. Audited as `user.password.change`.
 * The current password is checked under the sign-in throttle (lib/services/auth/throttle.ts).
 */
export async function changePassword(actor: Actor | null, input: unknown): Promise<void> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { currentPassword, newPassword } = parsed.data;
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: actor.id } });
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  // The sign-in throttle, counted before the (deliberately slow) check: a stolen session must
  // not be a way to guess the current password without limit. Same buckets as signing in, so
  // guesses here and at the sign-in page share one allowance per account and source.
  const decision = await reserveSignInAttempt(prisma, user.email, actor.sourceIp);
  if (!decision.allowed) throw await throttled(prisma, actor, decision);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await prisma.$transaction((tx) => recordAuditEvent(tx, { ...by(actor), action: "user.password.change", outcome: "failure", after: { refusedBecause: "wrong current password" } }));
    throw new AppError("INVALID_INPUT", "The current password is wrong.", { currentPassword: ["Wrong password"] });
  }
  await releaseAfterSuccess(prisma, user.email, actor.sourceIp);
  const weak = passwordWeakness(newPassword, user);
  if (weak) throw new AppError("INVALID_INPUT", weak, { newPassword: [weak] });
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction(async (tx) => {
    // Only if nobody (an admin's reset) changed the password since it was verified above.
    const changed = await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash, mustChangePassword: false } });
    if (changed.count === 0) throw new AppError("CONFLICT", "Your password was just changed elsewhere; sign in again.");
    const revoked = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null, id: { not: actor.sessionId } }, data: { revokedAt: new Date(), endReason: "password-changed" } });
    await recordAuditEvent(tx, {
      ...by(actor),
      action: "user.password.change",
      outcome: "success",
      after: { wasRequiredByReset: user.mustChangePassword, otherSessionsRevoked: revoked.count },
    });
  });
}

const by = (actor: Actor) => ({ actorId: actor.id, actor: actor.email, actorRole: actor.role, target: actor.email, sourceIp: actor.sourceIp });

/** Refused without verifying; audited once per account, source and window, with a count. */
async function throttled(prisma: Awaited<ReturnType<typeof db>>, actor: Actor, decision: Extract<ThrottleDecision, { allowed: false }>): Promise<AppError> {
  const refusal = await countRefusalInWindow(prisma, `pwchange:${actor.id}|${actor.sourceIp ?? "unknown"}`);
  if (refusal.audit) {
    const after = { refusedBecause: "too many attempts", bucket: decision.bucket, retryAt: decision.retryAt.toISOString(), refusedInPreviousWindow: refusal.previousWindow };
    await prisma.$transaction((tx) => recordAuditEvent(tx, { ...by(actor), action: "user.password.change", outcome: "throttled", after }));
  }
  const message = `Too many attempts at the current password from here. Try again in ${waitText(decision.retryAt)}.`;
  return new AppError("LIMIT_EXCEEDED", message, { currentPassword: [message] });
}
