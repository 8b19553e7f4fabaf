"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { updatePoolSettings, type SavedPoolSettings } from "@/lib/services/database/pool-settings";

const ACCESS = ACTION_ACCESS["app/(console)/database/pool-actions.ts"];

export async function updatePoolSettingsAction(_prev: ActionResult<SavedPoolSettings> | null, form: FormData): Promise<ActionResult<SavedPoolSettings>> {
  try {
    const data = await updatePoolSettings(await actionActor(ACCESS.updatePoolSettingsAction), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
