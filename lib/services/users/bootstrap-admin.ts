import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { generatePassword, hashPassword } from "../../auth/password";
import { env } from "../../env";

export type BootstrapResult =
  | { created: false }
  | { created: true; email: string; generatedPassword?: string };

/**
 * On the very first start (no users at all) creates one admin. The password comes from
 * VIGIL_ADMIN_PASSWORD or is generated; a generated one is returned so the caller prints it
 * once. There is no default password.
 */
export async function bootstrapAdmin(): Promise<BootstrapResult> {
  const prisma = await db();
  if ((await prisma.user.count()) > 0) return { created: false };
  const { VIGIL_ADMIN_EMAIL: email, VIGIL_ADMIN_PASSWORD } = env();
  const generatedPassword = VIGIL_ADMIN_PASSWORD ? undefined : generatePassword();
  const passwordHash = await hashPassword(VIGIL_ADMIN_PASSWORD ?? generatedPassword!);
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name: "Administrator", role: "admin", passwordHash } });
    await recordAuditEvent(tx, {
      actor: "system",
      action: "user.create",
      target: user.email,
      outcome: "success",
      after: { email, role: "admin", source: generatedPassword ? "generated-password" : "VIGIL_ADMIN_PASSWORD" },
    });
  });
  return { created: true, email, generatedPassword };
}
