import type { Sealer } from "../cache/crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Redis } from "ioredis";
import type { z } from "zod";
import type { ResilientRedisTransport } from "../cache/redis-bus";

/** What a versioned settings holder (ResourceState, ClinicalPool) answers to an update. */
export type SettingsApplyOutcome = { applied: true } | { applied: false; reason: "older" | "conflict" | "same" };

/** The Redis side shared by every settings kind of one instance. */
export interface SettingsBroadcastRedis {
  client: Redis;
  transport: ResilientRedisTransport;
  /** Seals with the cache key (AES-256-GCM): only holders of VIGIL_CACHE_KEY can forge an update. */
  sealer: Sealer;
  prefix: string;
}

export interface SettingsBroadcastDeps<U extends { version: number }> {
  /** Names the channel (`<kind>`, namespaced by the transport) and the key `<prefix>:<kind>:latest`. */
  kind: string;
  /** Validates what arrives from Redis exactly as the admin route validates a request body. */
  schema: z.ZodType<U>;
  /** Puts an update in force here; must refuse older versions (see ResourceState, ClinicalPool). */
  apply: (update: U) => SettingsApplyOutcome;
  log: FastifyBaseLogger;
  /** Present when Redis and VIGIL_CACHE_KEY are configured; without it updates stay on this instance. */
  redis?: SettingsBroadcastRedis;
}

/**
 * Keeps the newest update only, stored as `<version>:<sealed>` (the version in plain: a number, no
 * PHI) so Redis can compare. Without it, two versions pushed to two instances at once could leave
 * the older one stored, and an instance starting later would catch up to it.
 */
const STORE_IF_NEWER = `
local stored = tonumber(string.match(redis.call('GET', KEYS[1]) or '', '^(%d+):') or '-1')
if tonumber(ARGV[1]) > stored then
  redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[2])
  return 1
end
return 0`;

/**
 * Settings changed on one instance, in force on all of them (cache policies do the same in
 * clinical/src/cache/policy-control.ts): applied here first, then stored sealed under
 * `<prefix>:<kind>:latest` (an instance that starts or reconnects later catches up) and published
 * on channel `<kind>` (every running instance applies it). A message that does not unseal or
 * validate is ignored with a warning; versions only move forward because `apply` refuses older ones.
 */
export class SettingsBroadcast<U extends { version: number }> {
  constructor(private readonly deps: SettingsBroadcastDeps<U>) {}

  get #latestKey() {
    return `${this.deps.redis?.prefix}:${this.deps.kind}:latest`;
  }

  /** Applies an already validated update here, then shares it when it was applied. */
  async update(update: U): Promise<SettingsApplyOutcome> {
    const outcome = this.#applyLocally(update);
    const r = this.deps.redis;
    if (outcome.applied && r) {
      const sealed = r.sealer.serialize(update);
      const { kind, log } = this.deps;
      await r.client.eval(STORE_IF_NEWER, 1, this.#latestKey, String(update.version), sealed)
        .catch(() => log.warn({ kind }, "settings not stored in Redis; instances starting later will not catch up to this version"));
      await r.transport.publish(kind, sealed)
        .catch(() => log.warn({ kind }, "settings broadcast failed; other instances catch up from Redis when it is back"));
    }
    return outcome;
  }

  /** Subscribes to the channel (the transport resubscribes after an outage), then catches up. */
  async start(): Promise<void> {
    const r = this.deps.redis;
    if (!r) return;
    await r.transport.subscribe(this.deps.kind, (payload) => this.#receive(payload));
    await this.catchUp();
  }

  /** Applies the stored update if it is newer than ours (at start, and after Redis comes back). */
  async catchUp(): Promise<void> {
    const stored = await this.deps.redis?.client.get(this.#latestKey).catch(() => null);
    if (stored) this.#receive(stored.slice(stored.indexOf(":") + 1));
  }

  #receive(payload: unknown): void {
    const { kind, log, schema, redis } = this.deps;
    let parsed;
    try {
      parsed = schema.safeParse(redis!.sealer.deserialize(payload));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) return void log.warn({ kind }, "ignored a settings broadcast that did not unseal or validate");
    const outcome = this.#applyLocally(parsed.data);
    if (!outcome.applied && outcome.reason === "conflict") log.warn({ kind, version: parsed.data.version }, "ignored a settings broadcast: this version is in force here with different settings");
  }

  #applyLocally(update: U): SettingsApplyOutcome {
    const outcome = this.deps.apply(update);
    if (outcome.applied) this.deps.log.info({ kind: this.deps.kind, version: update.version }, "settings applied");
    return outcome;
  }
}
