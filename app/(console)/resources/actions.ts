"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { updateResourceSettings, type SavedResourceSettings } from "@/lib/services/resources/resource-settings";
import { updatePriceTable, type SavedPriceTable } from "@/lib/services/resources/price-table";

const ACCESS = ACTION_ACCESS["app/(console)/resources/actions.ts"];

export async function updateResourceSettingsAction(_prev: ActionResult<SavedResourceSettings> | null, form: FormData): Promise<ActionResult<SavedResourceSettings>> {
  try {
    const data = await updateResourceSettings(await actionActor(ACCESS.updateResourceSettingsAction), Object.fromEntries(form));
    revalidatePath("/resources");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function updatePriceTableAction(_prev: ActionResult<SavedPriceTable> | null, form: FormData): Promise<ActionResult<SavedPriceTable>> {
  try {
    const data = await updatePriceTable(await actionActor(ACCESS.updatePriceTableAction), Object.fromEntries(form));
    revalidatePath("/resources");
    revalidatePath("/scaling");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
