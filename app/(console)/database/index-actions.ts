"use server";

import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/services/auth/dal";
import { toActionResult, type ActionResult } from "@/lib/errors";
import { adviseIndexes } from "@/lib/services/database/advise-indexes";
import { applyIndex, type AppliedIndexResult } from "@/lib/services/database/apply-index";
import { indexBuildProgress } from "@/lib/services/database/index-build-progress";
import type { StoredAdvice } from "@/lib/services/database/latest-advice";
import { rollbackIndex } from "@/lib/services/database/rollback-index";

// Thin: each service authorizes, validates with zod and audits itself.

export async function adviseIndexesAction(_prev: ActionResult<StoredAdvice> | null, form: FormData): Promise<ActionResult<StoredAdvice>> {
  try {
    const data = await adviseIndexes(await getActor(), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function applyIndexAction(_prev: ActionResult<AppliedIndexResult> | null, form: FormData): Promise<ActionResult<AppliedIndexResult>> {
  try {
    const data = await applyIndex(await getActor(), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

export async function rollbackIndexAction(_prev: ActionResult<{ id: string; existed: boolean }> | null, form: FormData): Promise<ActionResult<{ id: string; existed: boolean }>> {
  try {
    const data = await rollbackIndex(await getActor(), Object.fromEntries(form));
    revalidatePath("/database");
    return { ok: true, data };
  } catch (err) {
    return toActionResult(err);
  }
}

/** Polled by the page while a build runs. */
export async function indexBuildProgressAction(): Promise<ActionResult<Awaited<ReturnType<typeof indexBuildProgress>>>> {
  try {
    return { ok: true, data: await indexBuildProgress(await getActor()) };
  } catch (err) {
    return toActionResult(err);
  }
}
