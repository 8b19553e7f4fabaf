"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import type { SavedScalingPolicy } from "@/lib/services/scaling/scaling-policy";
import { startSurge, type ActiveSurge } from "@/lib/services/scaling/surges";
import { updateScalingPolicy } from "@/lib/services/scaling/update-scaling-policy";

export async function updateScalingPolicyAction(_prev: ActionResult<SavedScalingPolicy> | null, form: FormData): Promise<ActionResult<SavedScalingPolicy>> {
  try {
    const data = await updateScalingPolicy(await getActor(), Object.fromEntries(form));
    revalidatePath("/scaling");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function startSurgeAction(_prev: ActionResult<ActiveSurge> | null, form: FormData): Promise<ActionResult<ActiveSurge>> {
  try {
    const data = await startSurge(await getActor(), Object.fromEntries(form));
    revalidatePath("/scaling");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
