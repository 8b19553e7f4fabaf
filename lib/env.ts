import { z } from "zod";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("127.0.0.1"),
  /** Unset: embedded PGlite under VIGIL_DATA_DIR. */
  DATABASE_URL: optional(postgresUrl),
  /** Set: migrations run as this role (the tables' owner); the console runs as DATABASE_URL's role. */
  VIGIL_MIGRATION_DATABASE_URL: optional(postgresUrl),
  VIGIL_DATA_DIR: z.string().default(".vigil"),
  /** Signed audit checkpoints, outside the database. Unset: <VIGIL_DATA_DIR>/audit-checkpoints. */
  VIGIL_AUDIT_CHECKPOINT_DIR: optional(z.string().min(1)),
  /** Ed25519 key that signs them, never stored in the database. Unset: <VIGIL_DATA_DIR>/audit-signing-key. */
  VIGIL_AUDIT_SIGNING_KEY_FILE: optional(z.string().min(1)),
  /** Audit archives (the oldest events, exported before they leave the database). Unset: <VIGIL_DATA_DIR>/audit-archives. */
  VIGIL_AUDIT_ARCHIVE_DIR: optional(z.string().min(1)),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, "must be a redis:// URL")),
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  VIGIL_ADMIN_EMAIL: z.email().default("admin@vigil.local"),
  VIGIL_ADMIN_PASSWORD: optional(z.string().min(12, "must be at least 12 characters")),
  VIGIL_SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
  VIGIL_SESSION_MAX_HOURS: z.coerce.number().positive().max(72).default(12),
  /** Prometheus scrapes /api/metrics with `Authorization: Bearer <token>`; unset = signed-in users only. */
  VIGIL_METRICS_TOKEN: optional(z.string().min(24, "must be at least 24 characters")),
  /** Hosts (besides loopback) that load tests may target, comma-separated. */
  VIGIL_LOADTEST_ALLOWLIST: z.string().default("").transform((v) => v.split(",").map((h) => h.trim()).filter(Boolean)),
  CLINICAL_URL: z.url().default("http://127.0.0.1:4000"),
  /** The clinical service's PostgreSQL, for the index advisor (insight, advice, apply). Unset: the embedded PGlite, reached through the clinical service. */
  CLINICAL_DATABASE_URL: optional(postgresUrl),
  /** Shared with the clinical service: signs the console's cache-policy and invalidation calls. Unset: cache control is off. */
  CLINICAL_ADMIN_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  /** The console's API client on the clinical service (npm run clinical:client; npm start provisions one): load tests against CLINICAL_URL carry its tokens. Unset: those runs are refused and the pages say so. */
  CLINICAL_CLIENT_ID: optional(z.string().min(1)),
  CLINICAL_CLIENT_SECRET: optional(z.string().min(1)),
  /** The clinical cluster's control endpoint (clinical/src/cluster); set: the console's scaler decides its worker count. */
  CLINICAL_CLUSTER_URL: optional(z.url()),
  VIGIL_SCALER_INTERVAL_S: z.coerce.number().int().min(1).max(300).default(5),
  /** Set: SLO history comes from this Prometheus (PromQL). Unset: the console scrapes CLINICAL_URL/metrics itself. */
  PROMETHEUS_URL: optional(z.url()),
  VIGIL_SCRAPE_INTERVAL_S: z.coerce.number().int().min(1).max(300).default(15),
  /**
   * Reverse proxies in front of the console, comma-separated addresses or CIDR ranges. From a
   * trusted peer the client address is the right-most untrusted X-Forwarded-For entry.
   */
  /** The console's address as users reach it. https: session cookies are Secure and answers carry HSTS. */
  VIGIL_PUBLIC_URL: optional(z.url().regex(/^https?:\/\//, "must be an http:// or https:// URL")),
  VIGIL_TRUST_PROXY: z.string().default("").transform((v) => v.split(",").map((h) => h.trim()).filter(Boolean)),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** The validated environment; the only place the console reads process.env. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change process.env between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
