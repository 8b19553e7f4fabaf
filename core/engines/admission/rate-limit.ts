import { z } from "zod";

/** How a request is charged against its client's budget. */
export const COST_KINDS = ["read", "search", "triage", "write"] as const;
export type CostKind = (typeof COST_KINDS)[number];

export const rateLimitSettingsSchema = z
  .object({
    /** Off: no request is charged (nothing is rejected for rate); on: every FHIR request is. */
    enabled: z.boolean(),
    /** Seconds per budget window. */
    windowS: z.number().int().min(1).max(3600),
    /** Points per window for an identified client (today: one source address). */
    clientPoints: z.number().int().min(1).max(10_000_000),
    /** Points per window shared by every request whose client cannot be identified: the most restrictive bucket. */
    unknownClientPoints: z.number().int().min(1).max(10_000_000),
    /** Points each kind of request costs. */
    weights: z.object(Object.fromEntries(COST_KINDS.map((k) => [k, z.number().int().min(1).max(100_000)])) as Record<CostKind, z.ZodNumber>),
  })
  .superRefine((s, ctx) => {
    if (s.unknownClientPoints > s.clientPoints) ctx.addIssue({ code: "custom", path: ["unknownClientPoints"], message: "must not exceed clientPoints: unknown clients get the most restrictive bucket" });
    for (const k of COST_KINDS) if (s.weights[k] > s.unknownClientPoints) ctx.addIssue({ code: "custom", path: ["weights", k], message: "must not exceed unknownClientPoints, or such a request could never pass" });
  });
export type RateLimitSettings = z.infer<typeof rateLimitSettingsSchema>;

/**
 * Defaults (points per 1 s window):
 * - weights read 1, search 10, $triage 20, write 50: the issue's starting table, Medplum-style;
 *   the README compares them with measured per-request CPU cost.
 * - clientPoints 2,000/s: a ward gateway or an integration engine behind one address doing
 *   2,000 reads, 200 searches, 100 triages or 40 writes a second; above what one clinician's
 *   tablet can do by a wide margin, below the ~5k/s one instance serves cached reads at.
 * - unknownClientPoints 200/s: requests with no source address share a tenth of that (still
 *   4 emergency alerts a second), never an exemption.
 * - enabled: on. Per-instance memory counters without Redis, shared Redis counters with it.
 */
export const DEFAULT_RATE_LIMIT_SETTINGS: RateLimitSettings = {
  enabled: true,
  windowS: 1,
  clientPoints: 2000,
  unknownClientPoints: 200,
  weights: { read: 1, search: 10, triage: 20, write: 50 },
};

/** IETF draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy` (quota, window) and `RateLimit` (remaining, reset). */
export function rateLimitHeaders(policy: string, quota: number, windowS: number, remaining: number, resetMs: number) {
  return {
    "ratelimit-policy": `"${policy}";q=${quota};w=${windowS}`,
    ratelimit: `"${policy}";r=${Math.max(0, remaining)};t=${Math.max(0, Math.ceil(resetMs / 1000))}`,
  };
}
