"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { startBreakGlass } from "@/lib/services/break-glass/start-break-glass";
import { endBreakGlass } from "@/lib/services/break-glass/end-break-glass";

const ACCESS = ACTION_ACCESS["app/(console)/break-glass/actions.ts"];

export async function startBreakGlassAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await startBreakGlass(await actionActor(ACCESS.startBreakGlassAction), Object.fromEntries(form));
  } catch (err) {
    return toActionResult(err);
  }
  // Every page's navigation and banner change with the role: render the whole console again.
  revalidatePath("/", "layout");
  redirect("/break-glass");
}

export async function endBreakGlassAction(_prev: ActionResult | null, _form: FormData): Promise<ActionResult> {
  try {
    await endBreakGlass(await actionActor(ACCESS.endBreakGlassAction));
  } catch (err) {
    return toActionResult(err);
  }
  revalidatePath("/", "layout");
  redirect("/break-glass?ended=1");
}
