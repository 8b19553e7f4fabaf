"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { updatePoolSettings, type SavedPoolSettings } from "@/lib/services/database/pool-settings";

export async function updatePoolSettingsAction(_prev: ActionResult<SavedPoolSettings> | null, form: FormData): Promise<ActionResult<SavedPoolSettings>> {
  try {
    const data = await updatePoolSettings(await getActor(), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
