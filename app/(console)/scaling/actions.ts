"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import type { SavedScalingPolicy } from "@/lib/services/scaling/scaling-policy";
import { startSurge, type ActiveSurge } from "@/lib/services/scaling/surges";
import { updateScalingPolicy } from "@/lib/services/scaling/update-scaling-policy";

const ACCESS = ACTION_ACCESS["app/(console)/scaling/actions.ts"];

export async function updateScalingPolicyAction(_prev: ActionResult<SavedScalingPolicy> | null, form: FormData): Promise<ActionResult<SavedScalingPolicy>> {
  try {
    const data = await updateScalingPolicy(await actionActor(ACCESS.updateScalingPolicyAction), Object.fromEntries(form));
    revalidatePath("/scaling");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function startSurgeAction(_prev: ActionResult<ActiveSurge> | null, form: FormData): Promise<ActionResult<ActiveSurge>> {
  try {
    const data = await startSurge(await actionActor(ACCESS.startSurgeAction), Object.fromEntries(form));
    revalidatePath("/scaling");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}
