import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import { RateLimiterRes } from "rate-limiter-flexible";
import { rateLimitHeaders, type RateLimitSettings } from "@/core/engines/admission/rate-limit";
import { ClinicalError } from "../errors";
import type { AdmissionMetrics } from "../metrics/admission-metrics";
import { routeTemplate } from "../metrics/instrument";
import { priorityOf } from "../metrics/priority";
import type { RateLimitMetrics } from "../metrics/rate-limit-metrics";
import { costKindOf } from "./endpoint-cost";
import { requestClient } from "../auth/request-client";
import { createBuckets, type Buckets } from "./rate-limit-store";

/** The settings in force and their limiters; `reconfigure` swaps both at once (counters restart). */
export class RateLimiting {
  #settings: RateLimitSettings;
  #buckets: Buckets;
  constructor(settings: RateLimitSettings, readonly redis: Redis | null, private readonly prefix: string) {
    this.#settings = settings;
    this.#buckets = createBuckets(settings, redis, prefix);
  }
  get settings(): RateLimitSettings {
    return this.#settings;
  }
  get buckets(): Buckets {
    return this.#buckets;
  }
  reconfigure(settings: RateLimitSettings): void {
    this.#buckets = createBuckets(settings, this.redis, this.prefix);
    this.#settings = settings;
  }
}

/**
 * The client a request is charged to: the API client its bearer token names (`client:<id>`, so
 * every address a client uses shares one budget and clients behind one proxy do not share one),
 * else its source address (auth off); null when there is neither.
 */
export function clientKeyOf(ip: string | undefined, apiClient?: string): string | null {
  if (apiClient) return `client:${apiClient}`;
  return typeof ip === "string" && ip !== "" ? ip : null;
}

/**
 * Charges each FHIR request its endpoint's weight against its client's budget (per authenticated
 * API client; per source address when auth is off; no address → the shared, most restrictive
 * `unknown-client` bucket). Runs after the token check (require-token.ts), which names the client. Every charged answer carries RateLimit-Policy / RateLimit; an exhausted budget is a 429
 * with Retry-After as an OperationOutcome. Runs before admission, so a throttled request never
 * takes a concurrency slot. The address and client id are limiter keys only: never logged, never labels.
 */
export function rateLimit(app: FastifyInstance, limiting: RateLimiting, metrics: RateLimitMetrics, admissionMetrics: AdmissionMetrics): void {
  app.addHook("onRequest", async (req, reply) => {
    const s = limiting.settings;
    if (!s.enabled) return;
    const route = routeTemplate(req);
    const kind = costKindOf(req.method, route);
    if (!kind) return;
    const client = clientKeyOf(req.ip, requestClient(req));
    const [bucket, policy, quota] = client ? [limiting.buckets.client, "client", s.clientPoints] : [limiting.buckets.unknown, "unknown-client", s.unknownClientPoints];
    try {
      const res = await bucket.consume(client ?? "unknown", s.weights[kind]);
      reply.headers(rateLimitHeaders(policy, quota, s.windowS, res.remainingPoints, res.msBeforeNext));
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) {
        // Only reachable if both Redis and the insurance limiter failed: admit rather than fail.
        metrics.storeErrors.inc();
        return;
      }
      reply.headers(rateLimitHeaders(policy, quota, s.windowS, 0, err.msBeforeNext));
      reply.header("retry-after", String(Math.max(1, Math.ceil(err.msBeforeNext / 1000))));
      metrics.rejected.inc({ endpoint: `${req.method} ${route}`, bucket: policy });
      const cls = priorityOf(route);
      if (cls !== "system") admissionMetrics.rejected.inc({ class: cls, reason: "rate_limit" });
      throw new ClinicalError("LIMIT_EXCEEDED", "This client has used its request budget for now; retry after the time given in Retry-After.");
    }
  });
}
