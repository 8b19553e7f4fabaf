import type { CacheDataClass } from "@/core/engines/cache/policy";

/**
 * Each data class lives in its own bentocache store (a whole class is cleared at once), and
 * within it an entry carries one tag, its patient's pseudonym: one tag check per read.
 */
export interface EntryName {
  key: string;
  tags: string[];
}

/** Bentocache's tag bookkeeping keys (bentocache 1.6): their value is the tag's last invalidation time. */
export const TAG_KEY_PREFIX = "___bc:t:";

/** Tag for one patient's entries (within a class's store). */
export const patientTag = (pseudonym: string) => `patient:${pseudonym}`;

/**
 * `<class>:<patient pseudonym>:<variant>`; `variant` is the normalized query ('' for a plain read).
 * The class leads so metrics can recover it from a key without ever labelling by the key itself.
 */
export function entryName(dataClass: CacheDataClass, pseudonym: string, variant: string): EntryName {
  return { key: `${dataClass}:${pseudonym}:${variant}`, tags: [patientTag(pseudonym)] };
}

/** A canonical, order-independent string for a validated search (undefined values dropped). */
export function normalizedQuery(values: Record<string, unknown>): string {
  return Object.keys(values)
    .filter((k) => values[k] !== undefined)
    .sort()
    .map((k) => {
      const v = values[k];
      const items = Array.isArray(v) ? [...v].map(String).sort() : [String(v)];
      return `${k}=${items.map(encodeURIComponent).join(",")}`;
    })
    .join("&");
}
