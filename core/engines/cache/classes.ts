/**
 * The clinical data classes the cache distinguishes. Kept free of zod so client components
 * (the Caching page's forms) can import them without shipping the validator.
 */
export const CACHE_DATA_CLASSES = ["patient-demographics", "vital-signs", "laboratory-results", "triage-results", "emergency-data"] as const;
export type CacheDataClass = (typeof CACHE_DATA_CLASSES)[number];

/** Classes whose data must never be served past its TTL (grace is refused for them). */
export const NEVER_STALE: readonly CacheDataClass[] = ["vital-signs", "emergency-data"];

export interface CachePolicy {
  ttlS: number;
  graceS: number;
  l1: boolean;
  maxEntryBytes: number;
}
export type CachePolicies = Record<CacheDataClass, CachePolicy>;
