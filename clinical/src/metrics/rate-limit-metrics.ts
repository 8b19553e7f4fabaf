import { Counter, Gauge, type Registry } from "prom-client";

/** Rate-limit metrics: endpoint is the method and route template, bucket `client` or `unknown-client`; never an address. */
/** What the store gauge reads: the settings in force and the Redis client (structural, so metrics/ does not import http/). */
interface LimitingView {
  readonly settings: { enabled: boolean };
  readonly redis: { status: string } | null;
}

export function createRateLimitMetrics(registry: Registry, limiting: LimitingView) {
  return {
    rejected: new Counter({
      name: "clinical_rate_limit_rejected_total",
      help: "Requests rejected with 429 because the client's budget was used up, by endpoint (method and route template) and bucket.",
      labelNames: ["endpoint", "bucket"] as const,
      registers: [registry],
    }),
    storeErrors: new Counter({
      name: "clinical_rate_limit_store_errors_total",
      help: "Requests admitted unchecked because neither Redis nor the in-memory insurance limiter answered.",
      registers: [registry],
    }),
    store: new Gauge({
      name: "clinical_rate_limit_store",
      help: "Where rate-limit counters are kept now: 1 for the active store (redis: shared; memory: this instance only, e.g. Redis down); all 0 when rate limiting is off.",
      labelNames: ["store"] as const,
      registers: [registry],
      collect() {
        const on = limiting.settings.enabled;
        const shared = on && limiting.redis?.status === "ready";
        this.set({ store: "redis" }, shared ? 1 : 0);
        this.set({ store: "memory" }, on && !shared ? 1 : 0);
      },
    }),
  };
}

export type RateLimitMetrics = ReturnType<typeof createRateLimitMetrics>;
