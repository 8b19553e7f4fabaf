import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { changeRoleSchema } from "../../validations/users";
import { invalidInput } from "../validation-error";
import { publicUser, type PublicUser } from "./public-user";

export async function changeUserRole(actor: Actor | null, input: unknown): Promise<PublicUser> {
  const admin = await authorize(actor, "user.manage", { action: "user.change_role" });
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { userId, role, reason } = parsed.data;
  if (userId === admin.id) throw new AppError("CONFLICT", "You cannot change your own role; ask another admin.");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId } });
    if (!before) throw new AppError("NOT_FOUND", "No such user.");
    const after = await tx.user.update({ where: { id: userId }, data: { role } });
    // A role change takes effect on the next request: sessions read the role from the user row.
    await recordAuditEvent(tx, {
      actorId: admin.id,
      actor: admin.email,
      actorRole: admin.role,
      action: "user.change_role",
      target: after.email,
      sourceIp: admin.sourceIp,
      outcome: "success",
      before: { role: before.role },
      after: { role: after.role, reason },
    });
    return publicUser(after);
  });
}
