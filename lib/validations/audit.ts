import { z } from "zod";

export const AUDIT_OUTCOMES = ["success", "failure", "denied", "throttled"] as const;
export const MAX_AUDIT_PAGE = 5000;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const auditFilterSchema = z.object({
  action: z.preprocess(blankToUndefined, z.string().trim().max(64).regex(/^[a-z_.]*$/, "Letters, dots and underscores only").optional()),
  actor: z.preprocess(blankToUndefined, z.string().trim().max(254).optional()),
  outcome: z.preprocess(blankToUndefined, z.enum(AUDIT_OUTCOMES).optional()),
  before: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,19}$/).optional()),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(500),
});
