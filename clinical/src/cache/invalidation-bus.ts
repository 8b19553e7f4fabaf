import { CACHE_DATA_CLASSES, type CacheDataClass } from "@/core/engines/cache/policy";
import type { ResilientRedisTransport } from "./redis-bus";

/** The channel (namespaced by the deployment's prefix in the transport). */
const CHANNEL = "cache-invalidations";

/** What one write or admin action invalidated: patient classes by tag (`<class>:<pseudonym>`), whole classes. */
export interface InvalidationMessage {
  tags: string[];
  classes: CacheDataClass[];
}

const CLASSES = new Set<string>(CACHE_DATA_CLASSES);
/** Tags hold a class and a pseudonym (base64url), never an identifier. */
const TAG = /^[a-z-]+:[\w-]{1,64}$/;

function parse(payload: unknown): InvalidationMessage | undefined {
  const p = payload as Partial<InvalidationMessage> | null;
  if (!p || !Array.isArray(p.tags) || !Array.isArray(p.classes)) return undefined;
  const tags = p.tags.filter((t): t is string => typeof t === "string" && TAG.test(t));
  const classes = p.classes.filter((c): c is CacheDataClass => typeof c === "string" && CLASSES.has(c));
  return { tags, classes };
}

/**
 * Invalidations to and from the other instances over Redis pub/sub. A message is handled
 * synchronously on arrival, so by the time this instance acknowledges a later write barrier
 * (write-barrier.ts, same connection, in order) its memory no longer serves what was invalidated.
 * A publish that fails while Redis is down is not retried here: the invalidation is replayed on
 * recovery, and every instance drops its memory when its subscriber reconnects.
 */
export class InvalidationBus {
  constructor(private readonly transport: ResilientRedisTransport, onMessage: (inv: InvalidationMessage) => void) {
    void transport.subscribe(CHANNEL, (payload) => {
      const inv = parse(payload);
      if (inv) onMessage(inv);
    });
  }

  /** Tells the other instances (this one's own messages do not come back to it). */
  publish(inv: InvalidationMessage): Promise<boolean> {
    return this.transport.publish(CHANNEL, inv).then(() => true, () => false);
  }
}
