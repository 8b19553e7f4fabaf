import { z } from "zod";

import { CACHE_DATA_CLASSES, NEVER_STALE, type CacheDataClass, type CachePolicies, type CachePolicy } from "./classes";

export { CACHE_DATA_CLASSES, NEVER_STALE, type CacheDataClass, type CachePolicies, type CachePolicy };

export const cachePolicySchema = z.object({
  /** Seconds an entry is fresh. */
  ttlS: z.number().int().min(1).max(24 * 3600),
  /** Grace (stale-if-error): serve the last value for this many seconds past its TTL when the database fails; 0 = never. */
  graceS: z.number().int().min(0).max(7 * 24 * 3600),
  /** Keep entries in each instance's memory (L1) as well as Redis (L2). */
  l1: z.boolean(),
  /** Larger values are not cached at all. */
  maxEntryBytes: z.number().int().min(256).max(4 * 1024 * 1024),
});
// One definition of a policy (classes.ts, free of zod for client components); the schema must
// produce exactly it, or this line stops compiling.
const _schemaMatchesPolicy: z.ZodType<CachePolicy, CachePolicy> = cachePolicySchema;
void _schemaMatchesPolicy;


export const cachePoliciesSchema = z
  .object(Object.fromEntries(CACHE_DATA_CLASSES.map((c) => [c, cachePolicySchema])) as Record<CacheDataClass, typeof cachePolicySchema>)
  .superRefine((p, ctx) => {
    for (const c of NEVER_STALE) if (p[c].graceS > 0) ctx.addIssue({ code: "custom", path: [c, "graceS"], message: `${c} is never served stale: grace must be 0` });
  });

/**
 * The product brief's defaults: patient data 30 minutes, emergency data 5 minutes. Vital signs
 * change with every observation round, so a minute; neither vitals nor emergency data ever stale.
 */
export const DEFAULT_CACHE_POLICIES: CachePolicies = {
  "patient-demographics": { ttlS: 1800, graceS: 6 * 3600, l1: true, maxEntryBytes: 64 * 1024 },
  "vital-signs": { ttlS: 60, graceS: 0, l1: true, maxEntryBytes: 256 * 1024 },
  "laboratory-results": { ttlS: 1800, graceS: 3600, l1: true, maxEntryBytes: 256 * 1024 },
  "triage-results": { ttlS: 300, graceS: 0, l1: true, maxEntryBytes: 64 * 1024 },
  "emergency-data": { ttlS: 300, graceS: 0, l1: false, maxEntryBytes: 64 * 1024 },
};

/** What the console pushes to the clinical service: the whole policy set with a version. */
export const policyUpdateSchema = z.object({ version: z.number().int().min(0), policies: cachePoliciesSchema });
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;

/** An admin invalidation: a whole data class, or one patient's entries (all classes, or one). */
export const invalidationSchema = z
  .object({ dataClass: z.enum(CACHE_DATA_CLASSES).optional(), patientId: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/).optional() })
  .refine((v) => v.dataClass || v.patientId, "name a data class, a patient, or both");
export type Invalidation = z.infer<typeof invalidationSchema>;
