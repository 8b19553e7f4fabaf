import "server-only";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from "@/core/engines/pool/policy";
import type { Prisma } from "../../generated/prisma/client";
import { poolSettingsFromForm } from "../../validations/pool-settings";
import { invalidFields } from "../validation-error";
import { withReasonSchema } from "../../validations/reason";
import { clinicalAdmin } from "../caching/clinical-admin";

export interface SavedPoolSettings {
  version: number;
  settings: PoolSettings;
  savedAt: string | null;
  appliedAt: string | null;
  applyError: string | null;
}

/** The newest saved pool settings, or the defaults as version 0. */
export async function currentPoolSettings(): Promise<SavedPoolSettings> {
  const row = await (await db()).poolSettingsVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { version: 0, settings: DEFAULT_POOL_SETTINGS, savedAt: null, appliedAt: null, applyError: null };
  return { version: row.version, settings: row.settings as unknown as PoolSettings, savedAt: row.createdAt.toISOString(), appliedAt: row.appliedAt?.toISOString() ?? null, applyError: row.applyError };
}

/** Sends a version to the clinical service over the signed control plane and records when it took effect (or why not). */
export async function pushPoolSettings(version: number, settings: PoolSettings): Promise<{ appliedAt: string | null; error: string | null }> {
  const prisma = await db();
  try {
    const r = await clinicalAdmin<{ version: number; appliedAt: string }>("PUT", "/admin/pool/settings", { version, settings });
    if (version > 0) await prisma.poolSettingsVersion.update({ where: { version }, data: { appliedAt: new Date(r.appliedAt), applyError: null } });
    return { appliedAt: r.appliedAt, error: null };
  } catch (err) {
    const error = (err as Error).message;
    if (version > 0) await prisma.poolSettingsVersion.update({ where: { version }, data: { applyError: error } });
    return { appliedAt: null, error };
  }
}

/** Saves a new pool settings version (admin; audited with the previous one), then applies it on the service at once. */
export async function updatePoolSettings(actor: Actor | null, input: Record<string, unknown>): Promise<SavedPoolSettings> {
  const user = await authorize(actor, "policy.change", { action: "database.pool.update" });
  const parsed = poolSettingsFromForm(input);
  const why = withReasonSchema.safeParse(input);
  if (!parsed.success || !why.success) throw invalidFields(parsed, why)!;
  const before = await currentPoolSettings();
  const version = before.version + 1;
  await (await db()).$transaction(async (tx) => {
    await tx.poolSettingsVersion.create({ data: { version, settings: parsed.data as unknown as Prisma.InputJsonValue, createdById: user.id } });
    await recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "database.pool.update", target: `pool-settings:v${version}`, sourceIp: user.sourceIp, outcome: "success",
      before: { version: before.version, settings: before.settings }, after: { version, settings: parsed.data, reason: why.data.reason },
    });
  });
  await pushPoolSettings(version, parsed.data);
  return currentPoolSettings();
}

/**
 * Re-sends the newest version when the service runs an older one (it restarted): called on each
 * console scrape, so a restarted service is back on the saved settings within one interval.
 */
export async function syncPoolSettings(serviceVersion: number): Promise<void> {
  const saved = await currentPoolSettings();
  if (saved.version > serviceVersion) await pushPoolSettings(saved.version, saved.settings);
}
