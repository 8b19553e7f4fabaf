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
import { setUpResources, type ResourcesConfig } from "./http/resources";
import { fhirEtags } from "./http/etag";
import { observationCreateRoutes } from "./routes/observation-create";
import { adminCacheRoutes } from "./routes/admin-cache";
import { adminResourceRoutes } from "./routes/admin-resources";
import { observationReadRoutes } from "./routes/observation-read";
import { encounterReadRoutes } from "./routes/encounter-read";
import { locationRoutes } from "./routes/location";
import { riskAssessmentRoutes } from "./routes/risk-assessment";
import { communicationSearchRoutes } from "./routes/communication-search";
import { setUpCaching, type CacheConfig } from "./cache/setup";
import { setUpSettingsControl } from "./control/setup";
import { adminDatabaseInsightRoutes } from "./routes/admin-database-insight";
import { adminDatabaseIndexRoutes } from "./routes/admin-database-indexes";
import { withQueryNames } from "./db/named-queries";
import { adminPoolRoutes } from "./routes/admin-pool";
import { observePool } from "./metrics/observe-pool";
import { priorityOf } from "./metrics/priority";
import { usePublicBaseUrl } from "./http/base-url";
import type { AuthConfig } from "./auth/config";
import { requireToken } from "./auth/require-token";
import { tokenRoutes } from "./auth/token-route";
import { TokenVerifier } from "./auth/tokens";
import { AUTH_DEFAULTS } from "./auth/policy";

export interface ClinicalAppDeps {
  db: ClinicalDb;
  redis?: Redis | null;
  /** A pino logger (tests pass one writing to a buffer); default: pino to stdout at `logLevel`. */
  logger?: Logger;
  logLevel?: string;
  /** Admission control and rate limits (default: adaptive limit on). */
  resources?: ResourcesConfig;
  /** Caching (default: on; L2 only with `redis` and `cache.key`; admin API only with `cache.adminSecret`). */
  cache?: CacheConfig;
  /** The base URL in Bundle links and Location headers (CLINICAL_PUBLIC_URL); never the request's Host. */
  publicUrl?: string;
  /** Bearer tokens on every /fhir route (`required`), or none (`off`: a benchmark baseline only). No default: each caller says which. */
  auth: AuthConfig;
}

/** Route plugins and the route template that names their priority class (clinical/src/metrics/priority.ts). */
const ROUTE_PLUGINS = [
  [patientRoutes, "/fhir/Patient/:id"],
  [patientSearchRoutes, "/fhir/Patient"],
  [observationReadRoutes, "/fhir/Observation"],
  [observationSearchRoutes, "/fhir/Observation"],
  [observationCreateRoutes, "/fhir/Observation"],
  [encounterReadRoutes, "/fhir/Encounter"],
  [encounterSearchRoutes, "/fhir/Encounter"],
  [locationRoutes, "/fhir/Location"],
  [triageRoutes, "/fhir/Patient/:id/$triage"],
  [riskAssessmentRoutes, "/fhir/RiskAssessment"],
  [communicationRoutes, "/fhir/Communication"],
  [communicationSearchRoutes, "/fhir/Communication"],
] as const;

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
  observePool(deps.db.pool, metrics);
  instrument(app, metrics);
  registerErrorHandling(app, metrics);
  // Before resources: rate limits charge the client the token names, and an unauthenticated
  // request never takes an admission slot. Before the routes: each /fhir route gets its scope rule.
  if (deps.auth.mode === "required") requireToken(app, new TokenVerifier(deps.auth.signingKey, deps.auth.verifiedTokenCacheEntries));
  const resources = setUpResources(app, { prefix: deps.cache?.prefix, ...deps.resources }, deps.redis ?? null, metrics);
  fhirEtags(app);
  // FHIR bodies are JSON only: without the text/plain parser Fastify answers 415 for anything else.
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser(["application/fhir+json"], { parseAs: "string" }, app.getDefaultJsonParser("error", "error"));
  const caching = await setUpCaching(deps.cache ?? {}, deps.redis ?? null, app.log, metrics);
  app.addHook("onClose", () => caching.close());
  await app.register(healthRoutes, { db: deps.db, redis: deps.redis ?? null, cache: () => caching.cache.status() });
  await app.register(metricsRoutes, { metrics });
  if (deps.auth.mode === "required") await app.register(tokenRoutes, { db: deps.db, key: deps.auth.signingKey, lifetimeS: deps.auth.tokenLifetimeS ?? AUTH_DEFAULTS.tokenLifetimeS });
  await app.register(adminCacheRoutes, { caching, secret: deps.cache?.adminSecret });
  // Resource and pool settings reach every instance of the deployment (with Redis and the cache key).
  const settings = await setUpSettingsControl({
    redis: deps.redis ?? null, key: deps.cache?.key, prefix: deps.cache?.prefix ?? "vigil:clinical", log: app.log, resources: resources.state, pool: deps.db.pool,
  });
  app.addHook("onClose", () => settings.close());
  await app.register(adminResourceRoutes, { state: resources.state, control: settings.resources, secret: deps.cache?.adminSecret });
  await app.register(adminPoolRoutes, { pool: deps.db.pool, control: settings.pool, secret: deps.cache?.adminSecret });
  const { names } = withQueryNames(deps.db);
  await app.register(adminDatabaseInsightRoutes, { db: deps.db, names, secret: deps.cache?.adminSecret });
  await app.register(adminDatabaseIndexRoutes, { db: deps.db, secret: deps.cache?.adminSecret });
  // Each plugin's queries go through the priority pool as the class of the routes it serves,
  // and name themselves in the one query-name table the database insight reads.
  for (const [routes, template] of ROUTE_PLUGINS) {
    await app.register(routes, { db: withQueryNames(deps.db.forClass(priorityOf(template)), names).db, cache: caching.cache });
  }
  return app;
}
