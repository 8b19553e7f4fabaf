import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import { AdmissionController } from "@/core/engines/admission/admission-controller";
import { DEFAULT_ADMISSION_SETTINGS } from "@/core/engines/admission/defaults";
import { DEFAULT_RATE_LIMIT_SETTINGS, type RateLimitSettings } from "@/core/engines/admission/rate-limit";
import type { AdmissionSettings } from "@/core/engines/admission/settings";
import { createAdmissionMetrics } from "../metrics/admission-metrics";
import { heapLimitGauge } from "../metrics/heap-limit";
import { createRateLimitMetrics } from "../metrics/rate-limit-metrics";
import type { ClinicalMetrics } from "../metrics/registry";
import { admissionControl } from "./admission";
import { rateLimit, RateLimiting } from "./rate-limit";
import { ResourceState } from "./resource-state";

export interface ResourcesConfig {
  /** Adaptive concurrency limit settings (default DEFAULT_ADMISSION_SETTINGS: on). */
  admission?: AdmissionSettings;
  /** Per-client rate limits (default DEFAULT_RATE_LIMIT_SETTINGS: on; shared through Redis when there is one). */
  rateLimit?: RateLimitSettings;
  /** Namespace of the rate-limit keys in Redis (default `vigil:clinical`). */
  prefix?: string;
}

/** Resource management for the clinical service: per-client rate limits, then admission by criticality. */
export function setUpResources(app: FastifyInstance, config: ResourcesConfig, redis: Redis | null, metrics: ClinicalMetrics) {
  const admission = new AdmissionController(config.admission ?? DEFAULT_ADMISSION_SETTINGS, performance.now());
  const admissionMetrics = createAdmissionMetrics(metrics.registry, admission);
  // The cache connects a shared lazy client too; connecting twice is harmless, not connecting would leave only the insurance limiter.
  if (redis?.status === "wait") redis.connect().catch(() => {});
  const limiting = new RateLimiting(config.rateLimit ?? DEFAULT_RATE_LIMIT_SETTINGS, redis, config.prefix ?? "vigil:clinical");
  const rateLimitMetrics = createRateLimitMetrics(metrics.registry, limiting);
  heapLimitGauge(metrics.registry);
  // Hook order matters: a throttled request must not take an admission slot.
  rateLimit(app, limiting, rateLimitMetrics, admissionMetrics);
  admissionControl(app, admission, admissionMetrics);
  const state = new ResourceState({ admission: admission.settings, rateLimit: limiting.settings }, (s) => {
    admission.reconfigure(s.admission);
    limiting.reconfigure(s.rateLimit);
  });
  return { admission, admissionMetrics, limiting, rateLimitMetrics, state };
}

export type ClinicalResources = ReturnType<typeof setUpResources>;
