import { cookies } from "next/headers";
import { getActor } from "@/lib/services/auth/dal";
import { signOut } from "@/lib/services/auth/next-auth";
import { PENDING_SIGN_OUT_COOKIE } from "@/lib/auth/pending-sign-out";
import { signOutSession } from "@/lib/services/auth/sign-out";
import { pendingSignOutSchema } from "@/lib/validations/auth";

export const dynamic = "force-dynamic";

/**
 * A device that signed out offline reports back: revokes the session its Auth.js cookie names
 * (audited as auth.sign_out, end reason offline-sign-out), then drops that cookie and the marker.
 * Only the session on this request can be ended, so no role is needed beyond holding it.
 */
export async function POST(): Promise<Response> {
  const jar = await cookies();
  const parsed = pendingSignOutSchema.safeParse({ marker: jar.get(PENDING_SIGN_OUT_COOKIE)?.value });
  if (!parsed.success) return Response.json({ error: "No offline sign-out is pending on this device." }, { status: 400 });
  const actor = await getActor();
  const revoked = actor ? await signOutSession(actor, "offline-sign-out") : false;
  jar.delete(PENDING_SIGN_OUT_COOKIE);
  await signOut({ redirect: false });
  return Response.json({ revoked, hadSession: actor !== null }, { headers: { "Cache-Control": "no-store" } });
}
