import { MemoryDriver } from "bentocache/drivers/memory";
import type { CreateDriverResult, L1CacheDriver } from "bentocache/types";
import { LRUCache } from "lru-cache";
import { TAG_KEY_PREFIX } from "./keys";

/** Most entries one instance keeps in memory (tag bookkeeping included); the least recently used go first. */
export const L1_MAX_ITEMS = 100_000;

/** Most bytes one instance keeps in memory (entries' JSON length); the least recently used go first. */
export const L1_MAX_BYTES = 256 * 1024 * 1024;

/** Freezes a value and everything in it, so a caller cannot change what other requests will read. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

type Item = object;

/**
 * After another instance invalidates a tag, this instance keeps no value of that tag in memory
 * for this long, and reads it from Redis instead. A read of the tag that was already in flight
 * when the invalidation arrived may return the old value after it; without the quarantine that
 * value would be kept and trusted until the entries expired. Longer than any Redis read can
 * take (commands time out at 500 ms).
 */
export const TAG_QUARANTINE_MS = 1000;

/**
 * L1 holds bentocache's entries as live, frozen objects (`serialize: false`): an L1 hit costs a
 * map lookup, not a decryption and a JSON parse. Entries copied up from L2 arrive serialized
 * (bentocache hands L1 the L2 string); they are decrypted once here, on the way in.
 */
export class ObjectMemoryDriver extends MemoryDriver {
  constructor(
    config: ConstructorParameters<typeof MemoryDriver>[0],
    private readonly deserialize: (raw: string) => unknown,
    private readonly tier: MemoryTier,
  ) {
    super(config);
  }

  override get(key: string) {
    const full = this.getItemKey(key);
    return key.startsWith(TAG_KEY_PREFIX) && this.tier.quarantined(full) ? undefined : super.get(key);
  }

  override set(key: string, value: unknown, ttl?: number): boolean {
    if (key.startsWith(TAG_KEY_PREFIX) && this.tier.quarantined(this.getItemKey(key))) return false;
    const item = deepFreeze(typeof value === "string" ? this.deserialize(value) : value);
    this.tier.noteExpiry(item);
    return super.set(key, item as never, ttl);
  }

  override namespace(namespace: string): MemoryDriver {
    return new ObjectMemoryDriver({ ...this.config, prefix: this.createNamespacePrefix(namespace) }, this.deserialize, this.tier);
  }
}

/** The memory tier: one LRU shared by every namespace, bounded by entries and by bytes. */
export class MemoryTier {
  readonly lru = new LRUCache<string, Item>({
    max: L1_MAX_ITEMS,
    maxSize: L1_MAX_BYTES,
    // Runs on writes only (misses and copies from L2), never on hits.
    sizeCalculation: (item) => Math.max(1, JSON.stringify(item).length),
    ttlAutopurge: false,
  });

  readonly #quarantine = new Map<string, number>();
  /** When each stored value stops being fresh (bentocache's logical expiration), by the value itself. */
  readonly #expiries = new WeakMap<object, number>();

  constructor(private readonly quarantineMs = TAG_QUARANTINE_MS) {}

  /** Another instance invalidated this tag (full key, prefix included): see TAG_QUARANTINE_MS. */
  quarantine(fullKey: string): void {
    const now = Date.now();
    this.#quarantine.set(fullKey, now);
    this.lru.delete(fullKey);
    if (this.#quarantine.size > 1000) for (const [k, at] of this.#quarantine) if (now - at >= this.quarantineMs) this.#quarantine.delete(k);
  }

  quarantined(fullKey: string): boolean {
    const at = this.#quarantine.get(fullKey);
    if (at === undefined) return false;
    if (Date.now() - at < this.quarantineMs) return true;
    this.#quarantine.delete(fullKey);
    return false;
  }

  /** Records a stored bentocache item's `{ value, logicalExpiration }` (its entry format, 1.6). */
  noteExpiry(item: unknown): void {
    const i = item as { value?: unknown; logicalExpiration?: unknown } | null;
    if (i && typeof i.value === "object" && i.value !== null && typeof i.logicalExpiration === "number") this.#expiries.set(i.value, i.logicalExpiration);
  }

  /** When a value read from this tier stops being fresh (epoch ms), if it was stored here. */
  expiryOf(value: object): number | undefined {
    return this.#expiries.get(value);
  }

  /** Live entries (tag bookkeeping included) and their JSON bytes. */
  usage(): { entries: number; bytes: number } {
    this.lru.purgeStale();
    return { entries: this.lru.size, bytes: this.lru.calculatedSize };
  }

  clear(): void {
    this.lru.clear();
  }

  /** A driver factory for bentostore().useL1Layer(). */
  driver(deserialize: (raw: string) => unknown): CreateDriverResult<L1CacheDriver> {
    // The driver is typed for serialized (string) entries; with serialize: false it stores items as given.
    const options = { serialize: false, cacheInstance: this.lru as unknown as LRUCache<string, string> };
    return {
      options,
      factory: (config: ConstructorParameters<typeof MemoryDriver>[0]) => new ObjectMemoryDriver({ ...config, ...options }, deserialize, this),
    };
  }
}
