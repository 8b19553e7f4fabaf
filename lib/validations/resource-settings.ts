import { DEFAULT_RESOURCE_SETTINGS, resourceSettingsSchema } from "@/core/engines/admission/resource-settings";

type Leaf = boolean | number;

/** Every leaf of the settings as a dotted path (`admission.sharesPct.ai-inference`) with its default's type. */
function leaves(value: unknown, path: string[] = []): [string, Leaf][] {
  if (typeof value === "boolean" || typeof value === "number") return [[path.join("."), value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...path, k]));
}
export const RESOURCE_SETTING_FIELDS = leaves(DEFAULT_RESOURCE_SETTINGS).map(([path, d]) => ({ path, kind: typeof d as "boolean" | "number" }));

function set(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/**
 * The Resources page's settings form: one flat field per setting named by its dotted path
 * (checkboxes for switches) → the settings set, validated with the shared schema, so an error
 * names the field (`rateLimit.weights.write`).
 */
export function resourceSettingsFromForm(form: Record<string, unknown>) {
  const raw: Record<string, unknown> = {};
  for (const { path, kind } of RESOURCE_SETTING_FIELDS) {
    const v = form[path];
    set(raw, path, kind === "boolean" ? v === "on" || v === true || v === "true" : v === "" || v === undefined ? NaN : Number(v));
  }
  return resourceSettingsSchema.safeParse(raw);
}
