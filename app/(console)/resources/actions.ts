"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { updateResourceSettings, type SavedResourceSettings } from "@/lib/services/resources/resource-settings";
import { updatePriceTable, type SavedPriceTable } from "@/lib/services/resources/price-table";

export async function updateResourceSettingsAction(_prev: ActionResult<SavedResourceSettings> | null, form: FormData): Promise<ActionResult<SavedResourceSettings>> {
  try {
    const data = await updateResourceSettings(await getActor(), Object.fromEntries(form));
    revalidatePath("/resources");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function updatePriceTableAction(_prev: ActionResult<SavedPriceTable> | null, form: FormData): Promise<ActionResult<SavedPriceTable>> {
  try {
    const data = await updatePriceTable(await getActor(), Object.fromEntries(form));
    revalidatePath("/resources");
    revalidatePath("/scaling");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
