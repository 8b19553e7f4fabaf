import { z } from "zod";
import { POOL_CLASSES, type PoolClass, type PoolSettings } from "./classes";

export { POOL_CLASSES, type PoolClass, type PoolSettings };

/** Bounds on what an admin may set (PostgreSQL's default max_connections is 100, shared with the console). */
export const POOL_LIMITS = {
  minSize: 1,
  maxSize: 80,
  minStatementTimeoutMs: 100,
  maxStatementTimeoutMs: 600_000,
} as const;

const classSchema = z.object({
  reserved: z.number().int().min(0).max(POOL_LIMITS.maxSize),
  statementTimeoutMs: z.number().int().min(POOL_LIMITS.minStatementTimeoutMs).max(POOL_LIMITS.maxStatementTimeoutMs),
});

export const poolSettingsSchema = z
  .object({
    size: z.number().int().min(POOL_LIMITS.minSize).max(POOL_LIMITS.maxSize),
    classes: z.object(Object.fromEntries(POOL_CLASSES.map((c) => [c, classSchema])) as Record<PoolClass, typeof classSchema>),
  })
  .superRefine((s, ctx) => {
    const sum = POOL_CLASSES.reduce((n, c) => n + s.classes[c].reserved, 0);
    // An invalid size already has its own message.
    if (Number.isInteger(s.size) && s.size >= POOL_LIMITS.minSize && sum > s.size) ctx.addIssue({ code: "custom", path: ["size"], message: `Reservations add up to ${sum}, more than the pool's ${s.size} connections` });
  });

/**
 * Defaults, with reasons:
 * - size 10 connections: pg's own default, and what the service ran before the priority gate.
 * - emergency reserves 2: an alert being written and one being read are never queued behind anyone.
 * - patient data reserves 2: chart opens stay interactive while searches and AI run.
 * - clinical data reserves 1: observation/encounter searches always make progress.
 * - system reserves 1: health checks always get a connection while AI inference floods the pool
 *   (system ranks just above AI inference for that reason).
 * - AI inference reserves 0: it borrows idle capacity only, so it can never hold connections
 *   another class was promised; the 4 unreserved connections are what it may borrow.
 * - statement_timeout: 5 s for a patient read (a primary-key lookup; past 5 s the clinician has
 *   given up and the connection is better used by someone else); 10 s, the service's previous
 *   global value, for everything else: clinical searches and AI triage still scan until the
 *   advisor's indexes exist, and seeding runs ANALYZE as system work.
 */
export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  size: 10,
  classes: {
    emergency: { reserved: 2, statementTimeoutMs: 10_000 },
    "patient-data": { reserved: 2, statementTimeoutMs: 5_000 },
    "clinical-data": { reserved: 1, statementTimeoutMs: 10_000 },
    "ai-inference": { reserved: 0, statementTimeoutMs: 10_000 },
    system: { reserved: 1, statementTimeoutMs: 10_000 },
  },
};

/** What the console pushes to the clinical service: the whole settings set with a version. */
export const poolUpdateSchema = z.object({ version: z.number().int().min(0), settings: poolSettingsSchema });
export type PoolUpdate = z.infer<typeof poolUpdateSchema>;
