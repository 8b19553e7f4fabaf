"use server";

import { revalidatePath } from "next/cache";
import { actionActor } from "@/lib/services/auth/dal";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { adviseIndexes } from "@/lib/services/database/advise-indexes";
import { applyIndex, type AppliedIndexResult } from "@/lib/services/database/apply-index";
import { indexBuildProgress } from "@/lib/services/database/index-build-progress";
import type { StoredAdvice } from "@/lib/services/database/latest-advice";
import { rollbackIndex } from "@/lib/services/database/rollback-index";

const ACCESS = ACTION_ACCESS["app/(console)/database/index-actions.ts"];

// Thin: each service authorizes, validates with zod and audits itself.

export async function adviseIndexesAction(_prev: ActionResult<StoredAdvice> | null, form: FormData): Promise<ActionResult<StoredAdvice>> {
  try {
    const data = await adviseIndexes(await actionActor(ACCESS.adviseIndexesAction), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function applyIndexAction(_prev: ActionResult<AppliedIndexResult> | null, form: FormData): Promise<ActionResult<AppliedIndexResult>> {
  try {
    const data = await applyIndex(await actionActor(ACCESS.applyIndexAction), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function rollbackIndexAction(_prev: ActionResult<{ id: string; existed: boolean }> | null, form: FormData): Promise<ActionResult<{ id: string; existed: boolean }>> {
  try {
    const data = await rollbackIndex(await actionActor(ACCESS.rollbackIndexAction), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

/** Polled by the page while a build runs. */
export async function indexBuildProgressAction(): Promise<ActionResult<Awaited<ReturnType<typeof indexBuildProgress>>>> {
  try {
    return { ok: true, data: await indexBuildProgress(await actionActor(ACCESS.indexBuildProgressAction)) };
  } catch (err) {
    return toActionResult(err);
  }
}
