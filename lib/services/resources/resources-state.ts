import "server-only";
import { env } from "../../env";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { clinicalAdmin } from "../caching/clinical-admin";
import { RESOURCE_SETTING_FIELDS } from "../../validations/resource-settings";
import type { ResourceSettings } from "@/core/engines/admission/resource-settings";
import { currentResourceSettings, type SavedResourceSettings } from "./resource-settings";
import { liveAdmission, type LiveAdmission } from "./live-admission";

export interface SettingField {
  path: string;
  kind: "boolean" | "number";
  value: boolean | number;
}

export interface ResourcesState {
  saved: SavedResourceSettings;
  fields: SettingField[];
  configured: boolean;
  service: { version: number; appliedAt: string } | null;
  serviceError: string | null;
  live: LiveAdmission | null;
  liveError: string | null;
}

const valueAt = (s: ResourceSettings, path: string) => path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s) as boolean | number;

/** Everything the Resources page shows: saved settings (as form fields), what the service runs, live admission. */
export async function resourcesState(actor: Actor | null): Promise<ResourcesState> {
  await authorize(actor, "console.view", { action: "resources.view" });
  const saved = await currentResourceSettings();
  const configured = Boolean(env().CLINICAL_ADMIN_SECRET);
  const [service, live] = await Promise.allSettled([
    configured ? clinicalAdmin<{ version: number; appliedAt: string }>("GET", "/admin/resources/settings") : Promise.reject(new Error("not configured")),
    liveAdmission(),
  ]);
  return {
    saved,
    fields: RESOURCE_SETTING_FIELDS.map((f) => ({ ...f, value: valueAt(saved.settings, f.path) })),
    configured,
    service: service.status === "fulfilled" ? { version: service.value.version, appliedAt: service.value.appliedAt } : null,
    serviceError: configured && service.status === "rejected" ? (service.reason as Error).message : null,
    live: live.status === "fulfilled" ? live.value : null,
    liveError: live.status === "rejected" ? `The clinical service's metrics are not available (${(live.reason as Error).message}).` : null,
  };
}
