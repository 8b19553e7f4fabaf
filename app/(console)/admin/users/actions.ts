"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { createUser } from "@/lib/services/users/create-user";
import { changeUserRole } from "@/lib/services/users/change-user-role";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { resetUserPassword, type ResetPasswordResult } from "@/lib/services/users/reset-password";

const ACCESS = ACTION_ACCESS["app/(console)/admin/users/actions.ts"];

// Thin: each action checks its ACTION_ACCESS entry; each service verb authorizes, validates, changes and audits by itself.
async function run(verb: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await verb();
    revalidatePath("/admin/users");
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function createUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(async () => createUser(await actionActor(ACCESS.createUserAction), Object.fromEntries(form)));
}

export async function changeRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(async () => changeUserRole(await actionActor(ACCESS.changeRoleAction), Object.fromEntries(form)));
}

export async function setDisabledAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return run(async () => setUserDisabled(await actionActor(ACCESS.setDisabledAction), Object.fromEntries(form)));
}

/** Returns the generated temporary password to this admin's browser once; it is never stored in plain text. */
export async function resetPasswordAction(_prev: ActionResult<ResetPasswordResult> | null, form: FormData): Promise<ActionResult<ResetPasswordResult>> {
  try {
    const result = await resetUserPassword(await actionActor(ACCESS.resetPasswordAction), Object.fromEntries(form));
    revalidatePath("/admin/users");
    return { ok: true, data: result };
  } catch (err) {
    return toActionResult(err);
  }
}
