import "server-only";
import { AppError } from "../../errors";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import { hashPassword } from "../../auth/password";
import { passwordWeakness } from "../../auth/password-strength";
import type { Actor } from "../../auth/actor";
import { createUserSchema } from "../../validations/users";
import { publicUser, type PublicUser } from "./public-user";
import { invalidInput } from "../validation-error";

export async function createUser(actor: Actor | null, input: unknown): Promise<PublicUser> {
  const admin = await authorize(actor, "user.manage", { action: "user.create" });
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const { password, reason, ...fields } = parsed.data;
  const weak = passwordWeakness(password, fields);
  if (weak) throw new AppError("INVALID_INPUT", weak, { password: [weak] });
  const prisma = await db();
  if (await prisma.user.findUnique({ where: { email: fields.email }, select: { id: true } })) {
    throw new AppError("CONFLICT", `A user with email ${fields.email} already exists.`, {
      email: ["Already in use"],
    });
  }
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { ...fields, passwordHash } });
    await recordAuditEvent(tx, {
      actorId: admin.id,
      actor: admin.email,
      actorRole: admin.role,
      action: "user.create",
      target: user.email,
      sourceIp: admin.sourceIp,
      outcome: "success",
      after: { ...publicUser(user), reason },
    });
    return publicUser(user);
  });
}
