"use server";

import { redirect } from "next/navigation";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { changePassword } from "@/lib/services/auth/change-password";

const ACCESS = ACTION_ACCESS["app/account/password/actions.ts"];

/** The one action a user whose password an admin reset may use (besides signing out). */
export async function changePasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await changePassword(await actionActor(ACCESS.changePasswordAction), Object.fromEntries(form));
  } catch (err) {
    return toActionResult(err);
  }
  redirect("/");
}
