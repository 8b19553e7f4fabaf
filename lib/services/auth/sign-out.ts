import "server-only";
import { db } from "../../db/prisma";
import type { Actor } from "../../auth/actor";
import { endSession } from "./end-session";

/** Ends the actor's session (audited once). `offline-sign-out`: the device signed out without a network earlier. */
export async function signOutSession(actor: Actor, reason: "sign-out" | "offline-sign-out" = "sign-out"): Promise<boolean> {
  const prisma = await db();
  return prisma.$transaction((tx) =>
    endSession(tx, actor.sessionId, actor, { action: "auth.sign_out", reason, sourceIp: actor.sourceIp }),
  );
}
