import { z } from "zod";

export const AUDIT_OUTCOMES = ["success", "failure", "denied", "throttled"] as const;
export const MAX_AUDIT_PAGE = 5000;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const auditFilterSchema = z.object({
  action: z.preprocess(blankToUndefined, z.string().trim().max(64).regex(/^[a-z_.]*$/, "Letters, dots and underscores only").optional()),
  actor: z.preprocess(blankToUndefined, z.string().trim().max(254).optional()),
  outcome: z.preprocess(blankToUndefined, z.enum(AUDIT_OUTCOMES).optional()),
  before: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,19}$/).optional()),
  /** Recorded on or after this day (UTC). */
  from: z.preprocess(blankToUndefined, z.iso.date("a date like 2026-11-01").optional()),
  /** Recorded on or before this day (UTC; the whole day). */
  to: z.preprocess(blankToUndefined, z.iso.date("a date like 2026-11-30").optional()),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(500),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { message: "must not be before from", path: ["to"] });

const isoDate = (field: string) =>
  z.string({ error: `${field} is required (a date like 2026-11-01 or an ISO time)` }).refine((v) => !Number.isNaN(Date.parse(v)), `${field} must be a date like 2026-11-01 or an ISO time`).transform((v) => new Date(v));

/** A period for reports and exports: [from, to), from before to. */
export const auditPeriodSchema = z
  .object({ from: isoDate("from"), to: isoDate("to") })
  .refine((p) => p.from < p.to, { message: "must be after from", path: ["to"] });

export const auditExportArgsSchema = z.intersection(auditPeriodSchema, z.object({ out: z.string({ error: "out is required (a folder)" }).min(1) }));
