"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { updateCachePolicies, type SavedPolicies } from "@/lib/services/caching/cache-policies";
import { invalidateCache } from "@/lib/services/caching/invalidate-cache";

const ACCESS = ACTION_ACCESS["app/(console)/caching/actions.ts"];

export async function updatePoliciesAction(_prev: ActionResult<SavedPolicies> | null, form: FormData): Promise<ActionResult<SavedPolicies>> {
  try {
    const data = await updateCachePolicies(await actionActor(ACCESS.updatePoliciesAction), Object.fromEntries(form));
    revalidatePath("/caching");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function invalidateAction(_prev: ActionResult<{ invalidated: unknown }> | null, form: FormData): Promise<ActionResult<{ invalidated: unknown }>> {
  try {
    return { ok: true, data: await invalidateCache(await actionActor(ACCESS.invalidateAction), Object.fromEntries(form)) };
  } catch (err) {
    return toActionResult(err);
  }
}
