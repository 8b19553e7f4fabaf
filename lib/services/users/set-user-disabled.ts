import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { setDisabledSchema } from "../../validations/users";
import { invalidInput } from "../validation-error";
import { publicUser, type PublicUser } from "./public-user";

/** Disabling a user revokes every session of theirs in the same transaction: effective at once. */
export async function setUserDisabled(actor: Actor | null, input: unknown): Promise<PublicUser> {
  const admin = await authorize(actor, "user.manage", { action: "user.disable" });
  const parsed = setDisabledSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { userId, disabled } = parsed.data;
  if (userId === admin.id) throw new AppError("CONFLICT", "You cannot disable your own account.");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    const now = new Date();
    const after = await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? now : null } });
    const revoked = disabled
      ? await tx.session.updateMany({
          where: { userId, revokedAt: null },
          data: { revokedAt: now, endReason: "user-disabled" },
        })
      : { count: 0 };
    await recordAuditEvent(tx, {
      actorId: admin.id,
      actor: admin.email,
      actorRole: admin.role,
      action: disabled ? "user.disable" : "user.enable",
      target: after.email,
      sourceIp: admin.sourceIp,
      outcome: "success",
      before: { disabledAt: before.disabledAt },
      after: { disabledAt: after.disabledAt, sessionsRevoked: revoked.count, reason: parsed.data.reason },
    });
    return publicUser(after);
  });
}
