"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { startRun } from "@/lib/services/load-tests/start-run";
import { abortRun } from "@/lib/services/load-tests/abort-run";
import { promoteBaseline } from "@/lib/services/baselines/promote-baseline";

const ACCESS = ACTION_ACCESS["app/(console)/load-tests/actions.ts"];

export async function startRunAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  let id: string;
  try {
    ({ id } = await startRun(await actionActor(ACCESS.startRunAction), Object.fromEntries(form)));
  } catch (err) {
    return toActionResult(err);
  }
  redirect(`/load-tests/${id}`);
}

export async function abortRunAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    await abortRun(await actionActor(ACCESS.abortRunAction), Object.fromEntries(form));
    return { ok: true, data: undefined };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function promoteBaselineAction(_prev: ActionResult<{ noise: number | null }> | null, form: FormData): Promise<ActionResult<{ noise: number | null }>> {
  try {
    const data = await promoteBaseline(await actionActor(ACCESS.promoteBaselineAction), Object.fromEntries(form));
    revalidatePath(`/load-tests/${String(form.get("runId"))}`);
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
