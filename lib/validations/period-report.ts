import { z } from "zod";

/** The longest period one report covers: a year plus a month of slack for a fiscal year's edges. */
export const MAX_REPORT_DAYS = 400;
const DAY_MS = 86_400_000;

const instant = (field: string) =>
  z.string({ error: `${field} is required (a date like 2026-11-01 or an ISO time, UTC)` })
    .refine((v) => !Number.isNaN(Date.parse(v)), `${field} must be a date like 2026-11-01 or an ISO time (UTC)`)
    .transform((v) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v));

const bothDates = (p: { from: unknown; to: unknown }): p is { from: Date; to: Date } => p.from instanceof Date && p.to instanceof Date;

/** A report period [from, to), UTC, from before to, at most MAX_REPORT_DAYS long. */
export const reportPeriodSchema = z.object({ from: instant("from"), to: instant("to") })
  // zod 4 still runs an object's refinements when a field's own refinement failed: check both are dates.
  .refine((p) => !bothDates(p) || p.from < p.to, { message: "must be after from", path: ["to"] })
  .refine((p) => !bothDates(p) || p.to.getTime() - p.from.getTime() <= MAX_REPORT_DAYS * DAY_MS, { message: `a period is at most ${MAX_REPORT_DAYS} days`, path: ["to"] });

/**
 * A report pinned to what existed when it was generated: audit events up to `through` and
 * scrapes up to `asOf`, so the screen, the CSV, the PDF and the manifest describe the same data.
 */
export const pinnedReportSchema = z.intersection(reportPeriodSchema, z.object({
  through: z.string().regex(/^\d{1,19}$/, "an event number like 1234").optional(),
  asOf: z.iso.datetime({ error: "asOf must be an ISO time" }).optional(),
}));

export const REPORT_FILES = ["csv", "pdf", "manifest"] as const;
export type ReportFile = (typeof REPORT_FILES)[number];

export const reportDownloadSchema = z.intersection(pinnedReportSchema, z.object({ file: z.enum(REPORT_FILES, { error: "file is one of csv, pdf, manifest" }) }));
