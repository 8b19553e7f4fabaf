"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { startRun } from "@/lib/services/load-tests/start-run";
import { abortRun } from "@/lib/services/load-tests/abort-run";
import { promoteBaseline } from "@/lib/services/baselines/promote-baseline";

export async function startRunAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  let id: string;
  try {
    ({ id } = await startRun(await getActor(), Object.fromEntries(form)));
  } catch (err) {
    return toActionResult(err);
  }
  redirect(`/load-tests/${id}`);
}

export async function abortRunAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await abortRun(await getActor(), Object.fromEntries(form));
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function promoteBaselineAction(_prev: ActionResult<{ noise: number | null }> | null, form: FormData): Promise<ActionResult<{ noise: number | null }>> {
  try {
    const data = await promoteBaseline(await getActor(), Object.fromEntries(form));
    revalidatePath(`/load-tests/${String(form.get("runId"))}`);
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
