import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "../../errors";
import { validateSession } from "./validate-session";
import { clientIpFrom } from "../../http/client-ip";
import { auth } from "./next-auth";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import type { Permission } from "../../auth/roles";
import type { CheckedAccess } from "../../auth/action-access";
import { refuseAnonymous } from "./refuse-anonymous";

/** The signed-in actor for this request, from a live session row; null when there is none. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  return validateSession(session.sid, clientIpFrom(await headers()));
});

/** The change-password page: signed-in is enough, a pending forced change included. */
export const CHANGE_PASSWORD_PATH = "/account/password";

export async function requireSignedIn(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login?expired=1");
  return actor;
}

/** For console pages: signed-out visitors go to sign-in; a user whose password an admin reset goes to change it. */
export async function requireActor(): Promise<Actor> {
  const actor = await requireSignedIn();
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return actor;
}

/** For pages: a role without the permission gets the 403 page (and an audit event). */
export async function requirePagePermission(permission: Permission, action: string): Promise<Actor> {
  const actor = await requireActor();
  try {
    return await authorize(actor, permission, { action });
  } catch (err) {
    if (err instanceof AppError && err.code === "FORBIDDEN") forbidden();
    throw err;
  }
}

/**
 * The first line of every server action: the caller, if their session and role pass the
 * action's entry in ACTION_ACCESS. Throws an AppError (the action turns it into its result);
 * every refusal is audited, a caller without a session included.
 */
export async function actionActor(access: CheckedAccess): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw await refuseAnonymous(access.action, clientIpFrom(await headers()));
  if (access.permission === "signed-in") return actor;
  return authorize(actor, access.permission, { action: access.action, target: "target" in access ? access.target : undefined });
}
