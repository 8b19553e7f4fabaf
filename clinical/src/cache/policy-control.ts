import type { Sealer } from "./crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Redis } from "ioredis";
import { policyUpdateSchema, type PolicyUpdate } from "@/core/engines/cache/policy";
import type { ClinicalCache } from "./clinical-cache";
import type { ApplyOutcome, PolicyState } from "./policy-state";
import type { ResilientRedisTransport } from "./redis-bus";

export interface PolicyControlDeps {
  state: PolicyState;
  cache: ClinicalCache;
  log: FastifyBaseLogger;
  /** Present when Redis is configured: broadcast and persist updates for the other instances. */
  redis?: { client: Redis; transport: ResilientRedisTransport; sealer: Sealer; prefix: string };
}

/**
 * Applies cache policy updates on this instance and shares them: published on a Redis channel
 * (every instance applies it) and kept under a Redis key (an instance that starts or reconnects
 * later catches up). Messages are sealed with the cache key (AES-GCM), so only holders of
 * VIGIL_CACHE_KEY can forge one; versions only move forward (see PolicyState).
 */
export class PolicyControl {
  constructor(private readonly deps: PolicyControlDeps) {}

  /** The transport namespaces channels by the deployment prefix itself. */
  readonly #channel = "cache-policies";

  get #latestKey() {
    return `${this.deps.redis?.prefix}:cache-policies:latest`;
  }

  /** Applies an update here, invalidates the classes whose policy changed, then shares it. */
  async update(update: PolicyUpdate): Promise<ApplyOutcome> {
    const outcome = await this.#applyLocally(update);
    const r = this.deps.redis;
    if (outcome.applied && r) {
      const sealed = r.sealer.serialize(update);
      await r.client.set(this.#latestKey, sealed).catch(() => {});
      await r.transport.publish(this.#channel, sealed).catch(() => this.deps.log.warn("cache policy broadcast failed; other instances catch up on reconnect"));
    }
    return outcome;
  }

  /** Subscribes to broadcasts and catches up with the latest stored update (call again after an outage). */
  async start(): Promise<void> {
    const r = this.deps.redis;
    if (!r) return;
    await r.transport.subscribe(this.#channel, (payload) => this.#receive(payload));
    await this.catchUp();
  }

  /** Applies the latest stored update if it is newer than ours. */
  async catchUp(): Promise<void> {
    const stored = await this.deps.redis?.client.get(this.#latestKey).catch(() => null);
    if (stored) await this.#receive(stored);
  }

  async #receive(payload: unknown): Promise<void> {
    let parsed;
    try {
      parsed = policyUpdateSchema.safeParse(this.deps.redis!.sealer.deserialize(payload));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) return void this.deps.log.warn("ignored an invalid cache policy broadcast");
    await this.#applyLocally(parsed.data);
  }

  async #applyLocally(update: PolicyUpdate): Promise<ApplyOutcome> {
    const outcome = this.deps.state.apply(update);
    if (outcome.applied) {
      // Entries stored under the old policy (longer TTL, L1 allowed) must not outlive it.
      for (const dataClass of outcome.changed) await this.deps.cache.invalidate({ dataClass });
      this.deps.log.info({ version: update.version, changed: outcome.changed }, "cache policies applied");
    }
    return outcome;
  }
}
