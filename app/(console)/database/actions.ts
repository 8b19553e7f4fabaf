"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { startOptimize } from "@/lib/services/database/optimize/start-optimize";
import { confirmOptimize } from "@/lib/services/database/optimize/confirm-optimize";

export async function startOptimizeAction(_prev: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const data = await startOptimize(await getActor(), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function confirmOptimizeAction(_prev: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const data = await confirmOptimize(await getActor(), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
