import type { Redis } from "ioredis";
import type { CacheDataClass } from "@/core/engines/cache/policy";
import type { Sealer } from "./crypto";
import { redisKeys, type EntryName } from "./keys";

/**
 * How long an invalidation stamp stays in Redis: longer than any entry can live (a day's TTL
 * plus a week's grace, the policy schema's maxima), so no entry outlives the stamp that
 * invalidates it.
 */
export const STAMP_TTL_MS = 8 * 24 * 3600 * 1000;

/** Stamps opened before, by their sealed text (an AES-GCM open per read otherwise); dropped when full. */
const STAMP_MEMO = 10_000;

/** An entry as stored in Redis (sealed). Times are epoch ms. */
export interface StoredEntry {
  /** The key it was stored under, checked on every read: a swapped ciphertext is never served. */
  k: string;
  /** Counts only if no invalidation stamp covering it is at or after this time. */
  c: number;
  /** Fresh until. */
  f: number;
  /** Served stale (grace) until. */
  s: number;
  v: unknown;
}

/** What one read found: the entry (if any, unchecked) and the latest stamp covering it. */
export interface L2Read {
  entry?: StoredEntry;
  /** The entry's stored JSON length (its size in memory's byte budget), 0 without an entry. */
  bytes: number;
  /** Latest invalidation of the entry's patient class or whole class; Infinity when a stamp is unreadable. */
  invalidatedAt: number;
  /** The entry's key did not match: a swapped or foreign value. */
  keyMismatch: boolean;
}

/**
 * L2: Redis, every value sealed. A read is one round trip (MGET of the entry and both stamps
 * that can invalidate it); a fill is one SET. Failures never throw to the caller: a failed read
 * is a miss, and failed writes of stamps are counted so the invalidation can be replayed.
 */
export class RedisTier {
  readonly #keys: ReturnType<typeof redisKeys>;
  readonly #stamps = new Map<string, number>();
  #failures = 0;

  constructor(readonly redis: Redis, private readonly sealer: Sealer, prefix: string) {
    this.#keys = redisKeys(prefix);
  }

  get ready(): boolean {
    return this.redis.status === "ready";
  }

  /** Failed stamp writes so far (an invalidation that may not have reached Redis). */
  failures(): number {
    return this.#failures;
  }

  /** The entry and its stamps in one round trip; undefined when Redis is down or failed. */
  async read(name: EntryName): Promise<L2Read | undefined> {
    if (!this.ready) return undefined;
    let raw: (string | null)[];
    try {
      raw = await this.redis.mget(this.#keys.entry(name.key), this.#keys.tagStamp(name.tag), this.#keys.classStamp(name.dataClass));
    } catch {
      return undefined;
    }
    const invalidatedAt = Math.max(this.#stamp(raw[1] ?? null), this.#stamp(raw[2] ?? null));
    const opened = raw[0] ? this.#open(raw[0]) : undefined;
    if (opened && opened.entry.k !== name.key) return { bytes: 0, invalidatedAt, keyMismatch: true };
    return { entry: opened?.entry, bytes: opened?.bytes ?? 0, invalidatedAt, keyMismatch: false };
  }

  /** Stores an entry; `valueJson` is the value's JSON (serialized once by the caller). */
  async write(name: EntryName, valueJson: string, times: { c: number; f: number; s: number }): Promise<void> {
    if (!this.ready) return;
    const text = `{"k":${JSON.stringify(name.key)},"c":${times.c},"f":${times.f},"s":${times.s},"v":${valueJson}}`;
    const ttl = Math.max(1, times.s - Date.now());
    await this.redis.set(this.#keys.entry(name.key), this.sealer.sealText(text), "PX", ttl).catch(() => {});
  }

  /** Deletes an entry (one that failed its key check). */
  async delete(name: EntryName): Promise<void> {
    await this.redis.del(this.#keys.entry(name.key)).catch(() => {});
  }

  /** Records invalidations (patient classes by tag, whole classes) at `at`; false if Redis did not take them. */
  async stamp(targets: { tags: string[]; classes: CacheDataClass[] }, at: number): Promise<boolean> {
    const sealed = this.sealer.sealText(String(at));
    const keys = [...targets.tags.map(this.#keys.tagStamp), ...targets.classes.map(this.#keys.classStamp)];
    if (!keys.length) return true;
    try {
      if (!this.ready) throw new Error("Redis is not ready");
      const pipe = this.redis.pipeline();
      for (const k of keys) pipe.set(k, sealed, "PX", STAMP_TTL_MS);
      const results = (await pipe.exec()) ?? [];
      if (results.some(([err]) => err)) throw new Error("a stamp write failed");
      return true;
    } catch {
      this.#failures++;
      return false;
    }
  }

  #stamp(raw: string | null): number {
    if (raw === null) return 0;
    let at = this.#stamps.get(raw);
    if (at === undefined) {
      try {
        at = Number(this.sealer.openText(raw));
      } catch {
        return Number.POSITIVE_INFINITY; // unreadable: trust no entry it may cover
      }
      if (!Number.isFinite(at)) return Number.POSITIVE_INFINITY;
      if (this.#stamps.size >= STAMP_MEMO) this.#stamps.clear();
      this.#stamps.set(raw, at);
    }
    return at;
  }

  #open(raw: string): { entry: StoredEntry; bytes: number } | undefined {
    try {
      const text = this.sealer.openText(raw);
      const e = JSON.parse(text) as StoredEntry;
      const valid = typeof e?.k === "string" && typeof e.c === "number" && typeof e.f === "number" && typeof e.s === "number" && "v" in e;
      return valid ? { entry: e, bytes: text.length } : undefined;
    } catch {
      return undefined; // tampered or foreign: a miss, never data
    }
  }
}
