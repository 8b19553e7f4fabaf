import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { BusDriver, CreateBusDriverResult } from "bentocache/types";

type Handler = (payload: unknown) => void | Promise<void>;

/**
 * The Redis transport under bentocache's bus, built for outages:
 * - publishes through the fail-fast client: while Redis is down a publish fails at once and the
 *   bus's retry queue re-sends it on reconnect (a write never hangs on the bus);
 * - subscribes through its own patient connection (offline queue, endless retries, automatic
 *   re-subscription), so a subscription made while Redis is down completes when it returns.
 * `onResubscribed` runs each time the subscriber is back after a drop: messages may have been
 * missed meanwhile, and the caller drops its L1 copies.
 * Channels are namespaced by the deployment's prefix: bentocache names its channel after the
 * store alone, so two deployments (or test suites) sharing a Redis would otherwise hear each other.
 */
export class ResilientRedisTransport {
  /** This process's id on the bus: its own messages (from any of its stores) never come back to it. */
  readonly #id: string = randomUUID();
  readonly #subscriber: Redis;
  readonly #handlers = new Map<string, Handler[]>();
  readonly #observers: Array<(payload: unknown) => void> = [];
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
      for (const o of this.#observers) o(msg.payload); // before the handlers: see observe()
      for (const h of this.#handlers.get(channel) ?? []) void Promise.resolve(h(msg.payload)).catch(() => {});
    });
  }

  /** Sees every message from another instance, synchronously and before bentocache's handlers. */
  observe(observer: (payload: unknown) => void): void {
    this.#observers.push(observer);
  }

  /** Each bentocache store's bus offers its own id; the process keeps one for all of them. */
  setId(_id: string): this {
    return this;
  }

  onReconnect(callback: () => void): void {
    this.#subscriber.on("ready", callback);
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

/**
 * A bentocache bus driver over ResilientRedisTransport (created once, shared with the caller).
 * Failed publishes are retried when the subscriber reconnects (no polling timer to leak).
 */
export function resilientRedisBus(transport: ResilientRedisTransport): CreateBusDriverResult {
  return { options: { retryQueue: { enabled: true, maxSize: 10_000, retryInterval: false } }, factory: () => transport as unknown as BusDriver }; // structurally a Transport; payloads are untyped JSON
}
