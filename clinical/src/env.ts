import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const schema = z.object({
  CLINICAL_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  CLINICAL_HOST: z.string().default("127.0.0.1"),
  /** How clients reach the service (Bundle links, Location headers). Unset: http://CLINICAL_HOST:CLINICAL_PORT. */
  CLINICAL_PUBLIC_URL: optional(z.url()),
  /** Unset: embedded PGlite under VIGIL_DATA_DIR/clinical. */
  CLINICAL_DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")),
  VIGIL_DATA_DIR: z.string().default(".vigil"),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, "must be a redis:// URL")),
  /** `on` (default): per-client rate limits with cost weights; `off`: none (benchmarks that drive one address past its budget). */
  CLINICAL_RATE_LIMIT: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"]).default("on")),
  /** `on`: the adaptive concurrency limit sheds by criticality; `off`: it only observes (benchmark baseline). */
  CLINICAL_ADMISSION: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"]).default("on")),
  /** 32 bytes as 64 hex characters: encrypts L2 cache entries (AES-256-GCM). Without it PHI never goes to Redis (L1 only). */
  VIGIL_CACHE_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (32 bytes)")),
  /** Shared with the console: signs the cache control-plane requests. Unset: /admin/cache/* answer 503. */
  CLINICAL_ADMIN_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  /** 32 bytes as 64 hex characters: signs and verifies API access tokens (HS256). Every instance of a deployment needs the same key. Unset: generated once into VIGIL_DATA_DIR/clinical-token-key (0600). */
  CLINICAL_TOKEN_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters (32 bytes)")),
  /** `on` (default): every /fhir route needs a bearer token with a SMART scope. `off`: no authentication, only to measure the token check's overhead (a warning at start). */
  CLINICAL_AUTH: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"]).default("on")),
  /** Credentials `npm run clinical:token` uses when --client / --secret are not given (a client registered with `npm run clinical:client`). */
  CLINICAL_CLIENT_ID: optional(z.string().min(1)),
  CLINICAL_CLIENT_SECRET: optional(z.string().min(1)),
  /** `on` (L1 + L2 as policies say), `l2-only` (skip L1 for every class) or `off` (no caching; benchmark baseline). */
  CLINICAL_CACHE: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "l2-only", "off"]).default("on")),
  /** Where the per-request log lines go: a file path, or `-` for stdout. Unset: VIGIL_DATA_DIR/logs/clinical-requests.log. */
  CLINICAL_REQUEST_LOG: optional(z.string().min(1)),
  /** Cluster mode (clinical/src/cluster): workers to start with, the most this machine may run (0 = one per CPU), and the loopback control port the console's scaler calls. */
  CLINICAL_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  CLINICAL_MAX_WORKERS: z.coerce.number().int().min(0).max(64).default(0),
  CLINICAL_CLUSTER_CONTROL_PORT: z.coerce.number().int().min(1).max(65535).default(4099),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type ClinicalEnv = z.infer<typeof schema>;

/** The clinical service's validated environment; the only place it reads process.env. */
export function clinicalEnv(source: NodeJS.ProcessEnv = process.env): ClinicalEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid clinical service environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
