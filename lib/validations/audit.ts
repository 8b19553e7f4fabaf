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

/** An audit event's number (its seq), as the detail page's URL carries it. */
export const auditSeqSchema = z.string().regex(/^\d{1,19}$/, "an event number like 1234");

export const auditEventRefSchema = z.object({ seq: auditSeqSchema }).strict();

export const AUDIT_EXPORT_FORMATS = ["ndjson", "csv", "manifest"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** The page's export: a period, pinned to the events up to `through` so its three files agree. */
export const auditExportPreviewSchema = z.intersection(auditPeriodSchema, z.object({ through: auditSeqSchema.optional() }));

export const auditExportDownloadSchema = z.intersection(auditExportPreviewSchema, z.object({ format: z.enum(AUDIT_EXPORT_FORMATS, { error: "format is one of ndjson, csv, manifest" }) }));
