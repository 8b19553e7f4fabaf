import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import { generatePassword, hashPassword } from "../../auth/password";
import { passwordWeakness } from "../../auth/password-strength";
import type { Actor } from "../../auth/actor";
import { resetPasswordSchema } from "../../validations/passwords";
import { invalidInput } from "../validation-error";

export interface ResetPasswordResult {
  email: string;
  /** Shown to the admin once; stored only as its scrypt hash, never audited. */
  temporaryPassword: string;
}

/**
 * An admin resets another user's password to a generated one (shown once), ends every session
 * of theirs, and flags the account: until the user changes the password nothing else works.
 * A disabled user may be reset (so it can be done before re-enabling them, leaving no moment
 * when the old password works again); they still cannot sign in until enabled.
 */
export async function resetUserPassword(actor: Actor | null, input: unknown): Promise<ResetPasswordResult> {
  const admin = await authorize(actor, "user.manage", { action: "user.password.reset" });
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { userId, reason } = parsed.data;
  const prisma = await db();
  if (userId === admin.id) {
    await prisma.$transaction((tx) => recordAuditEvent(tx, { ...by(admin), action: "user.password.reset", target: admin.email, outcome: "denied", after: { refusedBecause: "own account: use change password", reason } }));
    throw new AppError("CONFLICT", "You cannot reset your own password here; change it on your account page.");
  }
  const temporaryPassword = generatePassword();
  // Generated, so always strong; checked anyway so the one policy covers every password set.
  const weak = passwordWeakness(temporaryPassword);
  if (weak) throw new AppError("INVALID_INPUT", weak);
  const passwordHash = await hashPassword(temporaryPassword);
  return prisma.$transaction(async (tx) => {
    const target = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!target) throw new AppError("NOT_FOUND", "No such user.");
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true } });
    const revoked = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(), endReason: "password-reset" } });
    await recordAuditEvent(tx, {
      ...by(admin),
      action: "user.password.reset",
      target: target.email,
      outcome: "success",
      after: { changeRequiredAtNextSignIn: true, sessionsRevoked: revoked.count, reason },
    });
    return { email: target.email, temporaryPassword };
  });
}

const by = (admin: Actor) => ({ actorId: admin.id, actor: admin.email, actorRole: admin.role, sourceIp: admin.sourceIp });
