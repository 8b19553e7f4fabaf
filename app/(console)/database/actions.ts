"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { startOptimize } from "@/lib/services/database/optimize/start-optimize";
import { confirmOptimize } from "@/lib/services/database/optimize/confirm-optimize";

const ACCESS = ACTION_ACCESS["app/(console)/database/actions.ts"];

export async function startOptimizeAction(_prev: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const data = await startOptimize(await actionActor(ACCESS.startOptimizeAction), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function confirmOptimizeAction(_prev: ActionResult<{ id: string }> | null, form: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const data = await confirmOptimize(await actionActor(ACCESS.confirmOptimizeAction), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
