import { CACHE_DATA_CLASSES, DEFAULT_CACHE_POLICIES, type CacheDataClass, type CachePolicies, type PolicyUpdate } from "@/core/engines/cache/policy";

/** The policy set in force on this instance. */
export interface AppliedPolicies {
  version: number;
  policies: CachePolicies;
  appliedAt: string;
}

export type ApplyOutcome = { applied: true; changed: CacheDataClass[] } | { applied: false; reason: "older" | "conflict" | "same" };

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Versioned cache policies, starting from DEFAULT_CACHE_POLICIES at version 0. Versions only
 * move forward, so instances converge whatever order broadcasts arrive in: an older version is
 * refused, the same version is accepted only with identical policies (an idempotent replay).
 */
export class PolicyState {
  #current: AppliedPolicies = { version: 0, policies: structuredClone(DEFAULT_CACHE_POLICIES), appliedAt: new Date().toISOString() };

  /** The policies in force, with their version and when they were applied here. */
  get current(): AppliedPolicies {
    return this.#current;
  }

  /** One class's policy. */
  of(dataClass: CacheDataClass) {
    return this.#current.policies[dataClass];
  }

  /** Applies an update (already validated against policyUpdateSchema); names the classes it changed. */
  apply(update: PolicyUpdate): ApplyOutcome {
    const cur = this.#current;
    if (update.version < cur.version) return { applied: false, reason: "older" };
    if (update.version === cur.version) return { applied: false, reason: sameJson(update.policies, cur.policies) ? "same" : "conflict" };
    const changed = CACHE_DATA_CLASSES.filter((c) => !sameJson(update.policies[c], cur.policies[c]));
    this.#current = { version: update.version, policies: structuredClone(update.policies), appliedAt: new Date().toISOString() };
    return { applied: true, changed };
  }
}
