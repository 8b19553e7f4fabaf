import Fastify, { LogController, type FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { ClinicalDb } from "./db/query";
import { createClinicalMetrics } from "./metrics/registry";
import { instrument } from "./metrics/instrument";
import { registerErrorHandling } from "./http/error-handling";
import { logOptions } from "./http/logging";
import { healthRoutes } from "./routes/health";
import { metricsRoutes } from "./routes/metrics";
import { patientRoutes } from "./routes/patient";
import { patientSearchRoutes } from "./routes/patient-search";
import { observationSearchRoutes } from "./routes/observation-search";
import { encounterSearchRoutes } from "./routes/encounter-search";
import { triageRoutes } from "./routes/triage";
import { communicationRoutes } from "./routes/communication";
import { shedLoad } from "./http/shed-load";
import { fhirEtags } from "./http/etag";
import { observationCreateRoutes } from "./routes/observation-create";
import { adminCacheRoutes } from "./routes/admin-cache";
import { setUpCaching, type CacheConfig } from "./cache/setup";
import { usePublicBaseUrl } from "./http/base-url";

export interface ClinicalAppDeps {
  db: ClinicalDb;
  redis?: Redis | null;
  /** A pino logger (tests pass one writing to a buffer); default: pino to stdout at `logLevel`. */
  logger?: Logger;
  logLevel?: string;
  /** Concurrent requests before non-emergency traffic is shed with 429. */
  maxInFlight?: number;
  /** Caching (default: on; L2 only with `redis` and `cache.key`; admin API only with `cache.adminSecret`). */
  cache?: CacheConfig;
  /** The base URL in Bundle links and Location headers (CLINICAL_PUBLIC_URL); never the request's Host. */
  publicUrl?: string;
}

export const DEFAULT_MAX_IN_FLIGHT = 256;

// FHIR bodies are small; anything larger is refused with 413 before it is parsed.
const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildClinicalApp(deps: ClinicalAppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: logOptions(deps.logLevel ?? "info") }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Request ids are generated, never taken from a client header, and never hold PHI.
    genReqId: () => crypto.randomUUID(),
    // Fastify's own request lines include the URL (patient ids); ours log the route template.
    logController: new LogController({ disableRequestLogging: true }),
  }) as unknown as FastifyInstance;
  usePublicBaseUrl(app, deps.publicUrl);
  const metrics = createClinicalMetrics();
  deps.db.observe((name, seconds, ok) => metrics.dbDuration.observe({ query: name, outcome: ok ? "ok" : "error" }, seconds));
  instrument(app, metrics);
  registerErrorHandling(app, metrics);
  shedLoad(app, deps.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
  fhirEtags(app);
  // FHIR bodies are JSON only: without the text/plain parser Fastify answers 415 for anything else.
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser(["application/fhir+json"], { parseAs: "string" }, app.getDefaultJsonParser("error", "error"));
  const caching = await setUpCaching(deps.cache ?? {}, deps.redis ?? null, app.log, metrics);
  app.addHook("onClose", () => caching.close());
  await app.register(healthRoutes, { db: deps.db, redis: deps.redis ?? null, cache: () => caching.cache.status() });
  await app.register(metricsRoutes, { metrics });
  await app.register(adminCacheRoutes, { caching, secret: deps.cache?.adminSecret });
  for (const routes of [patientRoutes, patientSearchRoutes, observationSearchRoutes, observationCreateRoutes, encounterSearchRoutes, triageRoutes, communicationRoutes]) {
    await app.register(routes, { db: deps.db, cache: caching.cache });
  }
  return app;
}
