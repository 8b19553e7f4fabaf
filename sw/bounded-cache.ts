import type { WorkboxPlugin } from "workbox-core/types";

/**
 * Keeps a page cache to `maxEntries` (oldest write evicted first: Cache Storage keeps insertion
 * order and a re-put moves an entry to the end) and ignores copies older than `maxAgeSeconds`
 * (by their Date header). Unlike workbox-expiration it keeps no IndexedDB database, whose open
 * connection in the worker would block an offline sign-out from deleting it.
 */
export function boundedCache(maxEntries: number, maxAgeSeconds: number): WorkboxPlugin {
  return {
    async cacheDidUpdate({ cacheName }) {
      const cache = await caches.open(cacheName);
      const keys = await cache.keys();
      await Promise.all(keys.slice(0, Math.max(0, keys.length - maxEntries)).map((k) => cache.delete(k)));
    },
    async cachedResponseWillBeUsed({ cachedResponse }) {
      if (!cachedResponse) return null;
      const date = Date.parse(cachedResponse.headers.get("date") ?? "");
      return Number.isFinite(date) && Date.now() - date > maxAgeSeconds * 1000 ? null : cachedResponse;
    },
  };
}
