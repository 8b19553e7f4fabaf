import { z } from "zod";
import { POOL_CLASSES, poolSettingsSchema } from "@/core/engines/pool/policy";

const num = z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number("Enter a number"));
const read = (v: unknown) => num.safeParse(v).data ?? NaN;

/**
 * The Database page's pool form: flat fields `size`, `<class>.reserved`,
 * `<class>.statementTimeoutMs` → the settings, validated with the shared schema. Issue paths
 * are flattened back to the form's field names (`classes.emergency.reserved` → `emergency.reserved`).
 */
export function poolSettingsFromForm(form: Record<string, unknown>) {
  const raw = {
    size: read(form.size),
    classes: Object.fromEntries(POOL_CLASSES.map((c) => [c, { reserved: read(form[`${c}.reserved`]), statementTimeoutMs: read(form[`${c}.statementTimeoutMs`]) }])),
  };
  const parsed = poolSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed;
  const issues = parsed.error.issues.map((i) => (i.path[0] === "classes" ? { ...i, path: i.path.slice(1) } : i));
  return { success: false as const, error: new z.ZodError(issues) };
}
