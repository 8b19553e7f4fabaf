"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { startRun } from "@/lib/services/load-tests/start-run";
import { abortRun } from "@/lib/services/load-tests/abort-run";

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
