import "server-only";
import { db } from "../../db/prisma";
import { recordAuditEvent } from "../../audit/record-event";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { DEFAULT_RESOURCE_SETTINGS, type ResourceSettings } from "@/core/engines/admission/resource-settings";
import type { Prisma } from "../../generated/prisma/client";
import { resourceSettingsFromForm } from "../../validations/resource-settings";
import { invalidFields } from "../validation-error";
import { withReasonSchema } from "../../validations/reason";
import { clinicalAdmin } from "../caching/clinical-admin";

export interface SavedResourceSettings {
  version: number;
  settings: ResourceSettings;
  savedAt: string | null;
  appliedAt: string | null;
  applyError: string | null;
}

/** The newest saved settings, or the defaults as version 0. */
export async function currentResourceSettings(): Promise<SavedResourceSettings> {
  const row = await (await db()).resourceSettingsVersion.findFirst({ orderBy: { version: "desc" } });
  if (!row) return { version: 0, settings: DEFAULT_RESOURCE_SETTINGS, savedAt: null, appliedAt: null, applyError: null };
  return { version: row.version, settings: row.settings as unknown as ResourceSettings, savedAt: row.createdAt.toISOString(), appliedAt: row.appliedAt?.toISOString() ?? null, applyError: row.applyError };
}

/** Sends a version over the signed control plane and records when it took effect (or why not). */
export async function pushResourceSettings(version: number, settings: ResourceSettings): Promise<void> {
  const prisma = await db();
  try {
    const r = await clinicalAdmin<{ version: number; appliedAt: string }>("PUT", "/admin/resources/settings", { version, settings });
    if (version > 0) await prisma.resourceSettingsVersion.updateMany({ where: { version }, data: { appliedAt: new Date(r.appliedAt), applyError: null } });
  } catch (err) {
    if (version > 0) await prisma.resourceSettingsVersion.updateMany({ where: { version }, data: { applyError: (err as Error).message } });
  }
}

/** Saves a new settings version (admin; audited with the previous set), then applies it on the service at once. */
export async function updateResourceSettings(actor: Actor | null, input: Record<string, unknown>): Promise<SavedResourceSettings> {
  const user = await authorize(actor, "policy.change", { action: "resources.settings.update" });
  const parsed = resourceSettingsFromForm(input);
  const why = withReasonSchema.safeParse(input);
  if (!parsed.success || !why.success) throw invalidFields(parsed, why)!;
  const before = await currentResourceSettings();
  const version = before.version + 1;
  await (await db()).$transaction(async (tx) => {
    await tx.resourceSettingsVersion.create({ data: { version, settings: parsed.data as unknown as Prisma.InputJsonValue, createdById: user.id } });
    await recordAuditEvent(tx, {
      actorId: user.id, actor: user.email, actorRole: user.role, action: "resources.settings.update", target: `resource-settings:v${version}`, sourceIp: user.sourceIp, outcome: "success",
      before: { version: before.version, settings: before.settings }, after: { version, settings: parsed.data, reason: why.data.reason },
    });
  });
  await pushResourceSettings(version, parsed.data);
  return currentResourceSettings();
}

/** Re-sends the newest version when the service runs an older one (it restarted); called on each console scrape. */
export async function syncResourceSettings(serviceVersion: number): Promise<void> {
  const saved = await currentResourceSettings();
  if (saved.version > serviceVersion) await pushResourceSettings(saved.version, saved.settings);
}
