import "server-only";
import { env } from "../../env";
import { AppError } from "../../errors";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import type { DatabaseInsight } from "@/core/engines/db-insight/types";
import { clinicalAdmin } from "../caching/clinical-admin";

/** Statistics reads on a large database take longer than a control-plane call. */
const INSIGHT_TIMEOUT_MS = 10_000;

export type InsightResult =
  | { ok: true; kind: "pglite" | "postgres"; insight: DatabaseInsight }
  | { ok: false; reason: string };

/** Reads the insight without an actor check; for services that have already authorized. */
export async function fetchInsight(): Promise<InsightResult> {
  if (!env().CLINICAL_ADMIN_SECRET) {
    return { ok: false, reason: "Database insight is not configured: set CLINICAL_ADMIN_SECRET for the console and the clinical service (npm start does this)." };
  }
  try {
    const res = await clinicalAdmin<{ kind: "pglite" | "postgres"; insight: DatabaseInsight }>("GET", "/admin/database/insight", undefined, { timeoutMs: INSIGHT_TIMEOUT_MS });
    return { ok: true, ...res };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, reason: err.message };
    throw err;
  }
}

/**
 * The clinical database's statistics (any role that may view the console), read through the
 * clinical service, which owns the database (embedded PGlite admits one process only).
 */
export async function getInsight(actor: Actor | null): Promise<InsightResult> {
  await authorize(actor, "console.view", { action: "database.insight" });
  return fetchInsight();
}
