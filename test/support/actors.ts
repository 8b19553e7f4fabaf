import { hashPassword } from "../../lib/auth/password";
import type { Actor } from "../../lib/auth/actor";
import type { Role } from "../../lib/auth/roles";
import { sessionMaxMs } from "../../lib/auth/limits";
import { db } from "../../lib/db/prisma";

let counter = 0;

/** A real user row with a real session row, as the data-access layer would produce. */
export async function makeActor(role: Role, password = "correct horse battery"): Promise<Actor & { password: string }> {
  const prisma = await db();
  const email = `${role}-${process.pid}-${++counter}@test.local`;
  const user = await prisma.user.create({
    data: { email, name: `${role} user`, role, passwordHash: await hashPassword(password) },
  });
  const session = await prisma.session.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + sessionMaxMs()) },
  });
  return { id: user.id, email, name: user.name, role, sessionId: session.id, sourceIp: "127.0.0.9", password };
}

export async function auditEventsFor(filter: { action?: string; target?: string; actor?: string }) {
  const prisma = await db();
  return prisma.auditEvent.findMany({ where: filter, orderBy: { seq: "asc" } });
}
