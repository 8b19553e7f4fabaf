import { db } from "../../db/prisma";
import type { Actor } from "../../auth/actor";
import { endSession } from "./end-session";

export async function signOutSession(actor: Actor): Promise<void> {
  const prisma = await db();
  await prisma.$transaction((tx) =>
    endSession(tx, actor.sessionId, actor, { action: "auth.sign_out", reason: "sign-out", sourceIp: actor.sourceIp }),
  );
}
