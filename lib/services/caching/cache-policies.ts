import "server-only";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { DEFAULT_CACHE_POLICIES, type CachePolicies } from "@/core/engines/cache/policy";
import type { Prisma } from "../../generated/prisma/client";
import { policiesFromForm } from "../../validations/cache-policies";
import { invalidFields } from "../validation-error";
import { withReasonSchema } from "../../validations/reason";
import { clinicalAdmin } from "./clinical-admin";

export interface SavedPolicies {
  version: number;
  policies: CachePolicies;
  savedAt: string | null;
  appliedAt: string | null;
  applyError: string | null;
}

/** The newest saved policy set, or the brief's defaults as version 0. */
export async function currentPolicies(): Promise<SavedPolicies> {
  const row = await (await db()).cachePolicyVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { version: 0, policies: DEFAULT_CACHE_POLICIES, savedAt: null, appliedAt: null, applyError: null };
  return { version: row.version, policies: row.policies as unknown as CachePolicies, savedAt: row.createdAt.toISOString(), appliedAt: row.appliedAt?.toISOString() ?? null, applyError: row.applyError };
}

/** Sends a version to the clinical service and records when it took effect (or why not). */
export async function pushPolicies(version: number, policies: CachePolicies): Promise<{ appliedAt: string | null; error: string | null }> {
  const prisma = await db();
  try {
    const r = await clinicalAdmin<{ version: number; appliedAt: string }>("PUT", "/admin/cache/policies", { version, policies });
    if (version > 0) await prisma.cachePolicyVersion.update({ where: { version }, data: { appliedAt: new Date(r.appliedAt), applyError: null } });
    return { appliedAt: r.appliedAt, error: null };
  } catch (err) {
    const error = (err as Error).message;
    if (version > 0) await prisma.cachePolicyVersion.update({ where: { version }, data: { applyError: error } });
    return { appliedAt: null, error };
  }
}

/** Saves a new policy version (admin; audited with the previous one), then applies it on the service at once. */
export async function updateCachePolicies(actor: Actor | null, input: Record<string, unknown>): Promise<SavedPolicies> {
  const user = await authorize(actor, "policy.change", { action: "cache.policy.update" });
  const parsed = policiesFromForm(input);
  const why = withReasonSchema.safeParse(input);
  if (!parsed.success || !why.success) throw invalidFields(parsed, why)!;
  const before = await currentPolicies();
  const version = before.version + 1;
  await (await db()).$transaction(async (tx) => {
    await tx.cachePolicyVersion.create({ data: { version, policies: parsed.data as unknown as Prisma.InputJsonValue, createdById: user.id } });
    await recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "cache.policy.update", target: `cache-policies:v${version}`, sourceIp: user.sourceIp, outcome: "success",
      before: { version: before.version, policies: before.policies }, after: { version, policies: parsed.data, reason: why.data.reason },
    });
  });
  await pushPolicies(version, parsed.data);
  return currentPolicies();
}

/**
 * Re-sends the newest version when the service runs an older one (it restarted): called on each
 * console scrape, so a restarted service is back on the saved policies within one interval.
 */
export async function syncCachePolicies(serviceVersion: number): Promise<void> {
  const saved = await currentPolicies();
  if (saved.version > serviceVersion) await pushPolicies(saved.version, saved.policies);
}
