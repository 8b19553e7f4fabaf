import { z } from "zod";
import { scalingPolicySchema, surgeStartSchema } from "@/core/engines/scaling/policy";

export { scalingPolicySchema, surgeStartSchema };
import { reasonSchema } from "./reason";

import { DAY_NAMES, SCHEDULE_FORM_ROWS } from "@/core/engines/scaling/policy-fields";
export { formatDays, SCHEDULE_FORM_ROWS } from "@/core/engines/scaling/policy-fields";
const num = (v: unknown) => (v === "" || v === undefined || v === null ? Number.NaN : Number(v));

/** "mon,tue" or "mon-fri" or "daily" → day numbers (0 = Monday); unknown names → NaN, which the schema rejects. */
export function parseDays(text: string): number[] {
  const t = text.trim().toLowerCase();
  if (t === "daily" || t === "every day") return [0, 1, 2, 3, 4, 5, 6];
  return t.split(",").map((s) => s.trim()).filter(Boolean).flatMap((part) => {
    const [a, b] = part.split("-").map((d) => DAY_NAMES.indexOf(d as (typeof DAY_NAMES)[number]));
    if (b === undefined) return [a! < 0 ? Number.NaN : a!];
    if (a! < 0 || b < 0 || b < a!) return [Number.NaN];
    return Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
  });
}


/**
 * The Scaling page's policy form: field names are the schema paths (`target.value`,
 * `schedules.1.start`), so every error lands beside its field. Blank schedule rows are dropped.
 */
export function scalingPolicyFromForm(form: Record<string, unknown>) {
  const f = (k: string) => (typeof form[k] === "string" ? (form[k] as string) : "");
  const schedules = Array.from({ length: SCHEDULE_FORM_ROWS }, (_, i) => i)
    .filter((i) => f(`schedules.${i}.name`).trim() !== "")
    .map((i) => ({ name: f(`schedules.${i}.name`).trim(), days: parseDays(f(`schedules.${i}.days`)), start: f(`schedules.${i}.start`), end: f(`schedules.${i}.end`), minReplicas: num(form[`schedules.${i}.minReplicas`]) }));
  return scalingPolicySchema.safeParse({
    service: f("service") || "clinical",
    minReplicas: num(form.minReplicas),
    maxReplicas: num(form.maxReplicas),
    target: { metric: f("target.metric"), value: num(form["target.value"]) },
    behavior: {
      scaleUp: { stabilizationSeconds: num(form["behavior.scaleUp.stabilizationSeconds"]), percentPerPeriod: num(form["behavior.scaleUp.percentPerPeriod"]), podsPerPeriod: num(form["behavior.scaleUp.podsPerPeriod"]), periodSeconds: num(form["behavior.scaleUp.periodSeconds"]) },
      scaleDown: { stabilizationSeconds: num(form["behavior.scaleDown.stabilizationSeconds"]), percentPerPeriod: num(form["behavior.scaleDown.percentPerPeriod"]), periodSeconds: num(form["behavior.scaleDown.periodSeconds"]) },
    },
    timeZone: f("timeZone").trim(),
    schedules,
    surge: { factor: num(form["surge.factor"]), defaultMinutes: num(form["surge.defaultMinutes"]) },
    forecast: { enabled: form["forecast.enabled"] === "on" || form["forecast.enabled"] === "true" || form["forecast.enabled"] === true },
  });
}

/** Every policy change carries a reason, kept with the version and in the audit trail. */
export const changeReasonSchema = reasonSchema;

/** The surge form: a duration is required (an empty field is "no expiry", which is refused). */
export function surgeFromForm(form: Record<string, unknown>) {
  const minutes = form.minutes === "" || form.minutes === undefined ? undefined : Number(form.minutes);
  return surgeStartSchema.safeParse({ service: form.service || "clinical", minutes, reason: form.reason ?? "" });
}
