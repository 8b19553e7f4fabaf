import "server-only";
import { db } from "../../db/prisma";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import type { PublicUser } from "./public-user";

export async function listUsers(actor: Actor | null): Promise<PublicUser[]> {
  await authorize(actor, "user.view", { action: "user.list" });
  const prisma = await db();
  return prisma.user.findMany({ omit: { passwordHash: true }, orderBy: { createdAt: "asc" } });
}
