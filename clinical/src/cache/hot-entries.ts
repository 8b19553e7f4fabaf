/**
 * Most entries the hot index keeps: enough for the hot end of a Zipf-skewed patient population,
 * small enough that dropping it on every invalidation costs nothing worth measuring.
 */
export const HOT_MAX_ENTRIES = 20_000;

/** Most bytes (entries' JSON length) the hot index keeps alive; it holds references L1 may have evicted. */
export const HOT_MAX_BYTES = 32 * 1024 * 1024;

interface HotEntry {
  value: unknown;
  /** Epoch ms after which the entry is not served: L1's logical expiration of the same value. */
  until: number;
  bytes: number;
  /** The policy version it was filled under: a policy change retires it. */
  policyVersion: number;
}

/**
 * The memory tier's front: a value L1 holds (this instance's fill, or a copy from L2) is served
 * from here by one map lookup, without bentocache's per-read option cloning, tracing and tag
 * lookup (the hit path's largest cost after the socket write).
 *
 * It is never less fresh than L1: an entry expires when L1's copy does, any invalidation (local,
 * from another instance over the bus, a Redis recovery, a policy change) retires every entry,
 * and a read that began before an invalidation (its generation is older) is not kept, so a value
 * read before a write cannot come back after it.
 */
export class HotEntries {
  readonly #entries = new Map<string, HotEntry>();
  #bytes = 0;
  #generation = 0;

  constructor(private readonly maxEntries = HOT_MAX_ENTRIES, private readonly maxBytes = HOT_MAX_BYTES) {}

  /** Changes on every invalidation; a fill records it before it loads. */
  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The entry's value while it is fresh under the policy version in force; undefined otherwise. */
  get(key: string, policyVersion: number, now: number): { value: unknown } | undefined {
    const e = this.#entries.get(key);
    if (e === undefined) return undefined;
    if (e.until > now && e.policyVersion === policyVersion) return e;
    this.#drop(key, e);
    return undefined;
  }

  /** Keeps a fill, unless an invalidation ran since `generation` was read. Oldest entries go first when full. */
  set(key: string, value: unknown, bytes: number, until: number, policyVersion: number, generation: number): void {
    if (generation !== this.#generation || bytes > this.maxBytes) return;
    const old = this.#entries.get(key);
    if (old) this.#drop(key, old);
    this.#entries.set(key, { value, until, bytes, policyVersion });
    this.#bytes += bytes;
    for (const [k, e] of this.#entries) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#drop(k, e);
    }
  }

  /** Drops everything and retires fills in flight. */
  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
    this.#bytes = 0;
  }

  #drop(key: string, e: HotEntry): void {
    this.#entries.delete(key);
    this.#bytes -= e.bytes;
  }
}
