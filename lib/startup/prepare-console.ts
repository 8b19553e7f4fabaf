import { db, migrateConsoleDb } from "../db/prisma";
import { bootstrapAdmin, type BootstrapResult } from "../services/users/bootstrap-admin";

/** Idempotent start-up work: pending migrations, then the first admin on an empty database. */
export async function prepareConsole(): Promise<{ applied: string[]; admin: BootstrapResult }> {
  const applied = await migrateConsoleDb();
  const admin = await bootstrapAdmin();
  // A run's process dies with the console: runs still marked running were cut short.
  await (await db()).loadTestRun.updateMany({ where: { status: "running" }, data: { status: "failed", finishedAt: new Date() } });
  return { applied, admin };
}

export function describeAdmin(admin: BootstrapResult): string | null {
  if (!admin.created) return null;
  if (admin.generatedPassword) {
    return [
      `Created the first admin account: ${admin.email}`,
      `  password: ${admin.generatedPassword}`,
      "  This password is shown once. Sign in and create named accounts on Admin → Users.",
    ].join("\n");
  }
  return `Created the first admin account ${admin.email} with the password from VIGIL_ADMIN_PASSWORD.`;
}
