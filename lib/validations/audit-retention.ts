import { z } from "zod";

/** HIPAA §164.316(b)(2)(i): documentation is kept six years; the app refuses a shorter period. */
export const MIN_RETENTION_YEARS = 6;
export const DEFAULT_RETENTION_YEARS = 6;
export const MAX_RETENTION_YEARS = 100;
/** Days an audit event stays in the database before it may be archived. */
export const DEFAULT_HOT_WINDOW_DAYS = 365;
export const MIN_HOT_WINDOW_DAYS = 30;
export const MAX_HOT_WINDOW_DAYS = 36_500;

const wholeNumber = (field: string) => z.coerce.number({ error: `${field} must be a whole number` }).int(`${field} must be a whole number`);

/** The retention settings as the form and the service take them (the reason is validated on its own). */
export const auditRetentionSchema = z.object({
  retentionYears: wholeNumber("the retention period")
    .min(MIN_RETENTION_YEARS, `the retention period must be at least ${MIN_RETENTION_YEARS} years (HIPAA §164.316)`)
    .max(MAX_RETENTION_YEARS, `the retention period must be at most ${MAX_RETENTION_YEARS} years`),
  hotWindowDays: wholeNumber("the hot window")
    .min(MIN_HOT_WINDOW_DAYS, `the hot window must be at least ${MIN_HOT_WINDOW_DAYS} days`)
    .max(MAX_HOT_WINDOW_DAYS, `the hot window must be at most ${MAX_HOT_WINDOW_DAYS} days`),
});

export type AuditRetention = z.infer<typeof auditRetentionSchema>;

export const DEFAULT_AUDIT_RETENTION: AuditRetention = { retentionYears: DEFAULT_RETENTION_YEARS, hotWindowDays: DEFAULT_HOT_WINDOW_DAYS };

/** `npm run audit:archive -- --out <folder>` (out optional: the archive folder setting). */
export const auditArchiveArgsSchema = z.object({ out: z.string().min(1, "out must name a folder").optional() }).strict();

/** The page's archive action: nothing but the reason. */
export const auditArchiveRequestSchema = z.object({ reason: z.string().optional() }).strict();
