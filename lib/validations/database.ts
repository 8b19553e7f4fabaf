import { z } from "zod";
import { reasonSchema } from "./reason";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// URL");

/** `npm run db:advise -- --url … [--min-calls N] [--json out.json]` */
export const adviseArgsSchema = z
  .object({
    url: postgresUrl,
    "min-calls": z.coerce.number().int().min(1).max(1_000_000).default(10),
    json: z.string().min(1).optional(),
  })
  .strict();

const reason = reasonSchema;

export const applyIndexInputSchema = z.object({ suggestionId: z.string().min(1).max(64), reason });
export const rollbackIndexInputSchema = z.object({ appliedIndexId: z.string().min(1).max(64), reason });
export const adviseInputSchema = z.object({ minCalls: z.coerce.number().int().min(1).max(1_000_000).default(10) });

export type ApplyIndexInput = z.infer<typeof applyIndexInputSchema>;
export type RollbackIndexInput = z.infer<typeof rollbackIndexInputSchema>;
