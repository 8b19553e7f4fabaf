import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

type Handler = (payload: unknown) => void | Promise<void>;

/**
 * The Redis pub/sub transport between instances (cache invalidations, policy and settings
 * broadcasts), built for outages:
 * - publishes through the fail-fast client: while Redis is down a publish fails at once (a write
 *   never hangs on the bus; what it carried is replayed or caught up on reconnect);
 * - subscribes through its own patient connection (offline queue, endless retries, automatic
 *   re-subscription), so a subscription made while Redis is down completes when it returns.
 * `onResubscribed` runs each time the subscriber is back after a drop: messages may have been
 * missed meanwhile, and the caller drops its L1 copies.
 * Channels are namespaced by the deployment's prefix, so two deployments (or test suites) sharing
 * a Redis never hear each other.
 */
export class ResilientRedisTransport {
  /** This process's id on the bus: its own messages never come back to it. */
  readonly #id: string = randomUUID();
  readonly #subscriber: Redis;
  readonly #handlers = new Map<string, Handler[]>();
  #dropped = false;

  constructor(private readonly publisher: Redis, private readonly prefix: string, onResubscribed: () => void) {
    this.#subscriber = publisher.duplicate({
      lazyConnect: false, enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined, autoResubscribe: true,
      // No INFO ready check: a SUBSCRIBE sent while it ran put the connection in subscriber mode,
      // the check then failed, and the subscriptions were silently lost (this instance stopped
      // hearing invalidations from the others).
      enableReadyCheck: false,
    });
    this.#subscriber.on("error", () => {}); // reported through /health; never crash the process
    this.#subscriber.on("close", () => void (this.#dropped = true));
    this.#subscriber.on("ready", () => {
      if (this.#dropped) (this.#dropped = false), onResubscribed();
    });
    this.#subscriber.on("message", (channel: string, raw: string) => {
      let msg: { busId?: string; payload?: unknown };
      try {
        msg = JSON.parse(raw) as typeof msg;
      } catch {
        return;
      }
      if (msg.busId === this.#id) return;
      // Called synchronously on arrival (the write barrier relies on it); a failing handler never stops the others.
      for (const h of this.#handlers.get(channel) ?? []) {
        try {
          void Promise.resolve(h(msg.payload)).catch(() => {});
        } catch {
          /* ignored: see above */
        }
      }
    });
  }

  #channel(name: string): string {
    return `${this.prefix}:${name}`;
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    await this.publisher.publish(this.#channel(channel), JSON.stringify({ busId: this.#id, payload }));
  }

  async subscribe(channel: string, handler: Handler): Promise<void> {
    channel = this.#channel(channel);
    this.#handlers.set(channel, [...(this.#handlers.get(channel) ?? []), handler]);
    await this.#subscriber.subscribe(channel).catch(() => {}); // completes (or resubscribes) on connect
  }

  async unsubscribe(channel: string): Promise<void> {
    channel = this.#channel(channel);
    this.#handlers.delete(channel);
    await this.#subscriber.unsubscribe(channel).catch(() => {});
  }

  async disconnect(): Promise<void> {
    this.#subscriber.disconnect();
  }

  /** The subscriber connection, for the caller's own channels (policy broadcasts). */
  get subscriber(): Redis {
    return this.#subscriber;
  }
}
