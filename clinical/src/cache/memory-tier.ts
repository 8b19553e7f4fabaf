import { LRUCache } from "lru-cache";
import type { CacheDataClass } from "@/core/engines/cache/policy";

/** Most entries one instance keeps in memory; the least recently used go first. */
export const L1_MAX_ITEMS = 100_000;

/** Most bytes one instance keeps in memory (entries' JSON length); the least recently used go first. */
export const L1_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Most invalidation stamps remembered. Past it, memory is dropped whole (every entry and stamp):
 * forgetting a stamp while keeping the entries it invalidated would bring them back.
 */
export const L1_MAX_STAMPS = 100_000;

/** Freezes a value and everything in it, so a caller cannot change what other requests will read. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** One entry in memory: a frozen value and its times (epoch ms). */
export interface MemoryEntry {
  value: unknown;
  /** Fresh until. */
  freshUntil: number;
  /** Served stale (grace, only when the database fails) until; = freshUntil without grace. */
  staleUntil: number;
  /** `<class>:<pseudonym>`: what invalidates it. */
  tag: string;
  dataClass: CacheDataClass;
  /** When the read that brought it here began, on this instance's clock. */
  readAt: number;
  bytes: number;
}

/**
 * The memory tier (L1): one LRU of live, frozen values, bounded by entries and by bytes. A hit is
 * one map lookup and two stamp lookups: no decryption, no parsing, no copy.
 *
 * Invalidation is by stamp: invalidating a patient's class (or a whole class) records the time
 * here, and an entry counts only if the read that brought it began after every stamp that
 * covers it. That also retires reads in flight when the invalidation arrives (from this
 * instance or over the bus): their entries began before the stamp, so they are never kept.
 * Stamps and entries use this instance's clock only, so clock skew between instances cannot
 * make an old entry count here.
 */
export class MemoryTier {
  readonly lru = new LRUCache<string, MemoryEntry>({
    max: L1_MAX_ITEMS,
    maxSize: L1_MAX_BYTES,
    sizeCalculation: (e) => Math.max(1, e.bytes),
    ttlAutopurge: false,
  });

  readonly #tagStamps = new Map<string, number>();
  readonly #classStamps = new Map<CacheDataClass, number>();
  /** When memory was last dropped whole: a read begun before it is not kept either. */
  #clearedAt = 0;

  /** The entry if no invalidation since it was read covers it (freshness is the caller's). */
  get(key: string): MemoryEntry | undefined {
    const e = this.lru.get(key);
    if (e === undefined) return undefined;
    if (this.#coveredAfter(e.tag, e.dataClass, e.readAt)) {
      this.lru.delete(key);
      return undefined;
    }
    return e;
  }

  /** Keeps an entry unless an invalidation covering it came at or after its read began. */
  set(key: string, entry: MemoryEntry): boolean {
    if (this.#coveredAfter(entry.tag, entry.dataClass, entry.readAt)) return false;
    deepFreeze(entry.value);
    this.lru.set(key, entry);
    return true;
  }

  /** A patient's class (tag) or a whole class was invalidated now. */
  invalidate(target: { tag: string } | { dataClass: CacheDataClass }): void {
    const now = Date.now();
    if ("tag" in target) {
      if (this.#tagStamps.size >= L1_MAX_STAMPS) this.clear();
      this.#tagStamps.set(target.tag, now);
    } else this.#classStamps.set(target.dataClass, now);
  }

  #coveredAfter(tag: string, dataClass: CacheDataClass, readAt: number): boolean {
    if (this.#clearedAt >= readAt) return true;
    const t = this.#tagStamps.get(tag);
    if (t !== undefined && t >= readAt) return true;
    const c = this.#classStamps.get(dataClass);
    return c !== undefined && c >= readAt;
  }

  /** Live entries and their JSON bytes. */
  usage(): { entries: number; bytes: number } {
    this.lru.purgeStale();
    return { entries: this.lru.size, bytes: this.lru.calculatedSize };
  }

  /** Drops every entry (and the stamps, which then cover nothing). */
  clear(): void {
    this.#clearedAt = Date.now();
    this.lru.clear();
    this.#tagStamps.clear();
  }
}
