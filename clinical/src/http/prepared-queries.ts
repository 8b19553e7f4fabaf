import { LRUCache } from "lru-cache";

/** How many distinct request URLs a route keeps prepared: the Zipf head of a ward's reads fits, and memory stays bounded (~1 KB each). */
export const PREPARED_QUERY_ENTRIES = 1_000;
/** Longer URLs are prepared per request and never kept: a client cannot fill the table with a few huge ones. */
export const PREPARED_QUERY_MAX_URL = 512;

/**
 * What a route derives from a request's URL alone (its validated search, cache key and Bundle
 * links), kept per exact URL: a repeated read skips query validation and key building. Only
 * successful preparations are kept (a bad query throws every time, with its own error), and only
 * what depends on nothing but the URL may go in (never headers, the clock or the caller).
 */
export class PreparedQueries<T extends object> {
  readonly #entries = new LRUCache<string, T>({ max: PREPARED_QUERY_ENTRIES });

  /** `prepare` must read only what Fastify parsed from this URL (its query string, its params). */
  for(url: string, prepare: () => T): T {
    const hit = this.#entries.get(url);
    if (hit) return hit;
    const prepared = Object.freeze(prepare());
    if (url.length <= PREPARED_QUERY_MAX_URL) this.#entries.set(url, prepared);
    return prepared;
  }
}
