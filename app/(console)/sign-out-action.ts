"use server";

import { signOut } from "@/lib/services/auth/next-auth";
import { getActor } from "@/lib/services/auth/dal";
import { signOutSession } from "@/lib/services/auth/sign-out";

export async function signOutAction(): Promise<void> {
  const actor = await getActor();
  if (actor) await signOutSession(actor);
  // /signed-out sends Clear-Site-Data before showing sign-in.
  await signOut({ redirectTo: "/signed-out" });
}
