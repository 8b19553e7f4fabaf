"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { acknowledgeBreakGlass } from "@/lib/services/break-glass/acknowledge-break-glass";

export async function acknowledgeBreakGlassAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await acknowledgeBreakGlass(await getActor(), Object.fromEntries(form));
    revalidatePath("/admin/break-glass");
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionResult(err);
  }
}
