import type { NextRequest } from "next/server";
import { handlers } from "@/lib/services/auth/next-auth";
import { getActor } from "@/lib/services/auth/dal";
import { signOutSession } from "@/lib/services/auth/sign-out";
import { sessionIdleMs } from "@/lib/auth/limits";

type Ctx = { params: Promise<{ nextauth: string[] }> };
const action = async (ctx: Ctx) => (await ctx.params).nextauth.join("/");

/**
 * Auth.js's own routes, with two changes: the session endpoint answers from the live session
 * row and shows nothing internal (no session id), and its sign-out ends the session row, as the
 * console's sign-out button does, instead of only clearing the cookie.
 */
export async function GET(req: NextRequest, ctx: Ctx): Promise<Response> {
  if ((await action(ctx)) !== "session") return handlers.GET(req);
  const actor = await getActor();
  // `expires` is when the session ends if left idle from now (the row also has an absolute limit).
  const body = actor ? { user: { name: actor.name, email: actor.email }, expires: new Date(Date.now() + sessionIdleMs()).toISOString() } : null;
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}

export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  if ((await action(ctx)) !== "signout") return handlers.POST(req);
  // The session cookie is SameSite=Lax, so a cross-site POST carries none: no actor, nothing ended.
  const actor = await getActor();
  if (actor) await signOutSession(actor);
  return handlers.POST(req);
}
