import { LIMITED_CLASSES, type LimitedClass } from "./classes";
import type { AdmissionSettings } from "./settings";

export type Partitioning = Pick<AdmissionSettings, "sharesPct" | "borrowCeilingPct">;

/** Requests in flight each class is guaranteed under `limit` (its share, rounded down). */
export function guaranteedSlots(limit: number, p: Partitioning): Record<LimitedClass, number> {
  return Object.fromEntries(LIMITED_CLASSES.map((c) => [c, Math.floor((limit * p.sharesPct[c]) / 100)])) as Record<LimitedClass, number>;
}

/**
 * Netflix's partitioned limiter plus criticality: a class under its guaranteed share is always
 * admitted; above it, it borrows idle capacity only while the total in flight is below its
 * borrow ceiling (a fraction of the limit), so the lowest-criticality class is shed first.
 */
export function admits(cls: LimitedClass, limit: number, classInFlight: number, totalInFlight: number, p: Partitioning): boolean {
  if (classInFlight < Math.floor((limit * p.sharesPct[cls]) / 100)) return true;
  return totalInFlight < ceilingSlots(cls, limit, p);
}

/** The most requests in flight (all classes) under which `cls` may still borrow; at least 1, so a tiny limit starves no class. */
export function ceilingSlots(cls: LimitedClass, limit: number, p: Partitioning): number {
  return Math.max(1, Math.floor((limit * p.borrowCeilingPct[cls]) / 100));
}
