"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { changePassword } from "@/lib/services/auth/change-password";

/** The one action a user whose password an admin reset may use (besides signing out). */
export async function changePasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await getActor();
  try {
    await changePassword(actor, Object.fromEntries(form));
  } catch (err) {
    return toActionResult(err);
  }
  redirect("/");
}
