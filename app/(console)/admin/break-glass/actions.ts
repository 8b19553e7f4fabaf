"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { acknowledgeBreakGlass } from "@/lib/services/break-glass/acknowledge-break-glass";

const ACCESS = ACTION_ACCESS["app/(console)/admin/break-glass/actions.ts"];

export async function acknowledgeBreakGlassAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await acknowledgeBreakGlass(await actionActor(ACCESS.acknowledgeBreakGlassAction), Object.fromEntries(form));
    revalidatePath("/admin/break-glass");
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionResult(err);
  }
}
