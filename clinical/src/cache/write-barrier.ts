import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

/** How long a write waits for the other instances to confirm its invalidation. */
export const BARRIER_TIMEOUT_MS = 250;

/**
 * Makes a write's invalidation reach every instance before the write returns. The bus
 * delivers invalidations asynchronously: without this, another instance could answer from its
 * memory tier for the moment its copy of the message is still in flight.
 *
 * After the invalidation's bus messages, the writer publishes a barrier on the same connection.
 * Redis delivers a connection's messages in order, and each instance handles the bus message
 * synchronously on arrival, so an instance that acknowledges the barrier has already dropped
 * its copies. PUBLISH reports how many subscribers received the barrier, so the writer knows
 * how many acknowledgements to wait for, without a membership registry.
 */
export class WriteBarrier {
  readonly #id = randomUUID();
  readonly #waiting = new Map<string, { need: number; got: number; done: (ok: boolean) => void }>();

  constructor(private readonly publisher: Redis, private readonly subscriber: Redis, private readonly prefix: string) {
    subscriber.on("message", (channel: string, raw: string) => {
      if (channel === this.#barrierChannel) this.#onBarrier(raw);
      else if (channel === this.#ackChannel(this.#id)) this.#onAck(raw);
    });
    // Completes (and is renewed by autoResubscribe) whenever the subscriber connects.
    void subscriber.subscribe(this.#barrierChannel, this.#ackChannel(this.#id)).catch(() => {});
  }

  get #barrierChannel(): string {
    return `${this.prefix}:cache-barrier`;
  }

  #ackChannel(id: string): string {
    return `${this.prefix}:cache-barrier-ack:${id}`;
  }

  /** Resolves true once every other subscribed instance has confirmed, false on timeout or Redis failure. */
  async wait(timeoutMs = BARRIER_TIMEOUT_MS): Promise<boolean> {
    const nonce = randomUUID();
    const result = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.#waiting.delete(nonce);
        resolve(ok);
      };
      this.#waiting.set(nonce, { need: Number.POSITIVE_INFINITY, got: 0, done: finish });
    });
    try {
      const receivers = await this.publisher.publish(this.#barrierChannel, JSON.stringify({ from: this.#id, nonce }));
      const entry = this.#waiting.get(nonce);
      if (entry) {
        entry.need = receivers - 1; // our own subscriber received it too
        if (entry.got >= entry.need) entry.done(true);
      }
    } catch {
      this.#waiting.get(nonce)?.done(false);
    }
    return result;
  }

  #onBarrier(raw: string): void {
    let msg: { from?: unknown; nonce?: unknown };
    try {
      msg = JSON.parse(raw) as typeof msg;
    } catch {
      return;
    }
    if (typeof msg.from !== "string" || typeof msg.nonce !== "string" || msg.from === this.#id) return;
    void this.publisher.publish(this.#ackChannel(msg.from), msg.nonce).catch(() => {});
  }

  #onAck(nonce: string): void {
    const entry = this.#waiting.get(nonce);
    if (entry && ++entry.got >= entry.need) entry.done(true);
  }
}
