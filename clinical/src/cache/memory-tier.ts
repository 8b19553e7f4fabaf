import { MemoryDriver } from "bentocache/drivers/memory";
import type { CreateDriverResult, L1CacheDriver } from "bentocache/types";

/** Most entries one instance keeps in memory; the least recently used go first. */
export const L1_MAX_ITEMS = 10_000;

/** Most bytes one instance keeps in memory (sum of the serialized entries). */
export const L1_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Bentocache's memory driver (entries serialized, as bentocache requires once an L2 exists:
 * entries copied up from L2 arrive serialized), plus a size ledger for the metrics. lru-cache's
 * own size is not exposed through the driver, so entries and bytes are tracked here from the
 * serialized strings, pruned of expired and evicted entries whenever they are read.
 */
export class SizedMemoryDriver extends MemoryDriver {
  readonly #sizes = new Map<string, number>();

  override set(key: string, value: string, ttl?: number): boolean {
    this.#sizes.set(key, typeof value === "string" ? value.length : 0);
    return super.set(key, value, ttl);
  }

  override delete(key: string): boolean {
    this.#sizes.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    this.#sizes.clear();
    super.clear();
  }

  /** Live entries (tag bookkeeping entries included) and their serialized bytes. */
  usage(): { entries: number; bytes: number } {
    let bytes = 0;
    for (const [key, size] of this.#sizes) {
      if (!(this.getRemainingTtl(key) > 0)) this.#sizes.delete(key);
      else bytes += size;
    }
    return { entries: this.#sizes.size, bytes };
  }
}

/** A driver factory for bentostore().useL1Layer() that hands back the instance it creates. */
export function sizedMemoryTier(onCreate: (driver: SizedMemoryDriver) => void): CreateDriverResult<L1CacheDriver> {
  const options = { maxItems: L1_MAX_ITEMS, maxSize: L1_MAX_BYTES };
  return {
    options,
    factory: (config: ConstructorParameters<typeof MemoryDriver>[0]) => {
      const driver = new SizedMemoryDriver({ ...config, ...options });
      onCreate(driver);
      return driver;
    },
  };
}
