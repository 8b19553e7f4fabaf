"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { createUser } from "@/lib/services/users/create-user";
import { changeUserRole } from "@/lib/services/users/change-user-role";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";

// Thin: each service verb authorizes, validates, changes and audits by itself.
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
  const actor = await getActor();
  return run(() => createUser(actor, Object.fromEntries(form)));
}

export async function changeRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await getActor();
  return run(() => changeUserRole(actor, Object.fromEntries(form)));
}

export async function setDisabledAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await getActor();
  return run(() => setUserDisabled(actor, Object.fromEntries(form)));
}
