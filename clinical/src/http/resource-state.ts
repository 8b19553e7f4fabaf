import type { ResourceSettings, ResourceUpdate } from "@/core/engines/admission/resource-settings";

export interface AppliedResources {
  version: number;
  settings: ResourceSettings;
  appliedAt: string;
}

export type ResourceApplyOutcome = { applied: true } | { applied: false; reason: "older" | "conflict" | "same" };

/**
 * Versioned resource settings, like the cache's PolicyState: an older version is refused, the
 * same version is accepted only with identical settings (an idempotent replay). `onApply` puts a
 * newer set in force synchronously, so it governs the very next request.
 */
export class ResourceState {
  #current: AppliedResources;
  constructor(initial: ResourceSettings, private readonly onApply: (s: ResourceSettings) => void) {
    this.#current = { version: 0, settings: initial, appliedAt: new Date().toISOString() };
  }
  get current(): AppliedResources {
    return this.#current;
  }
  apply(update: ResourceUpdate): ResourceApplyOutcome {
    const cur = this.#current;
    if (update.version < cur.version) return { applied: false, reason: "older" };
    if (update.version === cur.version) return { applied: false, reason: JSON.stringify(update.settings) === JSON.stringify(cur.settings) ? "same" : "conflict" };
    this.onApply(update.settings);
    this.#current = { version: update.version, settings: structuredClone(update.settings), appliedAt: new Date().toISOString() };
    return { applied: true };
  }
}
