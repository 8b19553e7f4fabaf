import { z } from "zod";
import { DEFAULT_ADMISSION_SETTINGS } from "./defaults";
import { DEFAULT_RATE_LIMIT_SETTINGS, rateLimitSettingsSchema } from "./rate-limit";
import { admissionSettingsSchema } from "./settings";

/** Everything a person can change on the Resources page: the adaptive limiter and the rate limits. */
export const resourceSettingsSchema = z.object({ admission: admissionSettingsSchema, rateLimit: rateLimitSettingsSchema });
export type ResourceSettings = z.infer<typeof resourceSettingsSchema>;

export const DEFAULT_RESOURCE_SETTINGS: ResourceSettings = { admission: DEFAULT_ADMISSION_SETTINGS, rateLimit: DEFAULT_RATE_LIMIT_SETTINGS };

/** What the console pushes to the clinical service: the whole set with a version (versions only move forward). */
export const resourceUpdateSchema = z.object({ version: z.number().int().min(0), settings: resourceSettingsSchema });
export type ResourceUpdate = z.infer<typeof resourceUpdateSchema>;

/** The dotted paths of the fields a value gets wrong (empty when valid): what an error message names. */
export function invalidFields(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join(".") || "body"))];
}
