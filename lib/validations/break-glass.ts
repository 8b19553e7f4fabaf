import { z } from "zod";
import { reasonSchema } from "./reason";

import { BREAK_GLASS_MAX_MINUTES } from "./break-glass-limits";

export { BREAK_GLASS_DEFAULT_MINUTES, BREAK_GLASS_MAX_MINUTES } from "./break-glass-limits";

export const startBreakGlassSchema = z.object({
  reason: reasonSchema,
  minutes: z.coerce
    .number("say for how many minutes")
    .int("whole minutes")
    .min(1, "at least 1 minute")
    .max(BREAK_GLASS_MAX_MINUTES, `at most ${BREAK_GLASS_MAX_MINUTES} minutes`),
});
export type StartBreakGlassInput = z.infer<typeof startBreakGlassSchema>;

export const acknowledgeBreakGlassSchema = z.object({
  grantId: z.uuid("no such break-glass use"),
  // Optional: an empty field is no note.
  note: z
    .string()
    .trim()
    .max(500, "at most 500 characters")
    .optional()
    .transform((v) => (v ? v : undefined)),
});
