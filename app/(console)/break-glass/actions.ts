"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { startBreakGlass } from "@/lib/services/break-glass/start-break-glass";
import { endBreakGlass } from "@/lib/services/break-glass/end-break-glass";

export async function startBreakGlassAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await startBreakGlass(await getActor(), Object.fromEntries(form));
  } catch (err) {
    return toActionResult(err);
  }
  // Every page's navigation and banner change with the role: render the whole console again.
  revalidatePath("/", "layout");
  redirect("/break-glass");
}

export async function endBreakGlassAction(_prev: ActionResult | null, _form: FormData): Promise<ActionResult> {
  try {
    await endBreakGlass(await getActor());
  } catch (err) {
    return toActionResult(err);
  }
  revalidatePath("/", "layout");
  redirect("/break-glass?ended=1");
}
