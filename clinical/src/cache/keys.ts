import type { CacheDataClass } from "@/core/engines/cache/policy";

/**
 * One cached read: `key` is `<class>:<patient pseudonym>:<variant>` (the class leads so metrics
 * can recover it from a key without ever labelling by the key itself); `tag` is
 * `<class>:<patient pseudonym>`, what a write to that patient's class invalidates.
 */
export interface EntryName {
  dataClass: CacheDataClass;
  key: string;
  tag: string;
}

/** `variant` is the normalized query ('' for a plain read). */
export function entryName(dataClass: CacheDataClass, pseudonym: string, variant: string): EntryName {
  const tag = `${dataClass}:${pseudonym}`;
  return { dataClass, key: `${tag}:${variant}`, tag };
}

/**
 * Where things live in Redis, under the deployment's prefix: entries under `:e:`, invalidation
 * stamps (a patient's class, or a whole class) under `:s:`. Every value is sealed (crypto.ts).
 */
export const redisKeys = (prefix: string) => ({
  entry: (key: string) => `${prefix}:e:${key}`,
  tagStamp: (tag: string) => `${prefix}:s:${tag}`,
  classStamp: (dataClass: CacheDataClass) => `${prefix}:s:${dataClass}`,
});

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
