import type { CacheDataClass } from "../../../lib/engines/cache/policy";

/** Every cache key and tag names the patient (pseudonymised) and the data class. */
export interface EntryName {
  key: string;
  tags: string[];
}

/** Tag for all of one patient's entries, across classes. */
export const patientTag = (pseudonym: string) => `patient:${pseudonym}`;
/** Tag for one patient's entries of one class. */
export const patientClassTag = (pseudonym: string, dataClass: CacheDataClass) => `patient:${pseudonym}:${dataClass}`;
/** Tag for every entry of one class. */
export const classTag = (dataClass: CacheDataClass) => `class:${dataClass}`;

/**
 * `<class>:<patient pseudonym>:<variant>`; `variant` is the normalized query ('' for a plain read).
 * The class leads so metrics can recover it from a key without ever labelling by the key itself.
 */
export function entryName(dataClass: CacheDataClass, pseudonym: string, variant: string): EntryName {
  return {
    key: `${dataClass}:${pseudonym}:${variant}`,
    tags: [patientTag(pseudonym), patientClassTag(pseudonym, dataClass), classTag(dataClass)],
  };
}

/** The tags one invalidation writes: a patient's class, a whole patient, or a whole class. */
export function invalidationTags(target: { dataClass?: CacheDataClass; pseudonym?: string }): string[] {
  if (target.pseudonym && target.dataClass) return [patientClassTag(target.pseudonym, target.dataClass)];
  if (target.pseudonym) return [patientTag(target.pseudonym)];
  if (target.dataClass) return [classTag(target.dataClass)];
  return [];
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
