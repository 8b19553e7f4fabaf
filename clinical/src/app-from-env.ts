import { join } from "node:path";
import { Redis } from "ioredis";
import type { ClinicalEnv } from "./env";
import type { ClinicalDb } from "./db/query";
import { buildClinicalApp } from "./app";
import { DEFAULT_ADMISSION_SETTINGS } from "@/core/engines/admission/defaults";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "@/core/engines/admission/rate-limit";
import { CLINICAL_REDIS_OPTIONS } from "./redis-options";
import { clinicalLogger } from "./http/log-destination";
import type { AuthConfig } from "./auth/config";
import { tokenSigningKey } from "./auth/signing-key";

/** Bearer tokens required unless CLINICAL_AUTH=off, which is said loudly: it leaves patient data open to anyone who reaches the port. */
function authFromEnv(env: ClinicalEnv, warn: (msg: string) => void): AuthConfig {
  if (env.CLINICAL_AUTH === "off") {
    warn("CLINICAL_AUTH=off: the FHIR API accepts requests without a token. Use only to measure the token check's overhead, never with real data.");
    return { mode: "off" };
  }
  return { mode: "required", signingKey: tokenSigningKey(env.CLINICAL_TOKEN_KEY, env.VIGIL_DATA_DIR) };
}

/** The request log's file (null: stdout), from CLINICAL_REQUEST_LOG or the data folder. */
export function requestLogFile(env: ClinicalEnv): string | null {
  return env.CLINICAL_REQUEST_LOG === "-" ? null : (env.CLINICAL_REQUEST_LOG ?? join(env.VIGIL_DATA_DIR, "logs", "clinical-requests.log"));
}

/** The app as the environment configures it: one place for the single process and every cluster worker. */
export async function clinicalAppFromEnv(env: ClinicalEnv, db: ClinicalDb) {
  const logger = clinicalLogger({ level: env.LOG_LEVEL, requestLogFile: requestLogFile(env) });
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, CLINICAL_REDIS_OPTIONS) : null;
  redis?.on("error", () => {}); // surfaced by /health; must not crash the process
  const app = await buildClinicalApp({
    db, redis, logger, resources: {
      admission: { ...DEFAULT_ADMISSION_SETTINGS, enabled: env.CLINICAL_ADMISSION === "on" },
      rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: env.CLINICAL_RATE_LIMIT === "on" },
    },
    cache: { mode: env.CLINICAL_CACHE, key: env.VIGIL_CACHE_KEY, adminSecret: env.CLINICAL_ADMIN_SECRET },
    publicUrl: env.CLINICAL_PUBLIC_URL ?? `http://${env.CLINICAL_HOST}:${env.CLINICAL_PORT}`,
    auth: authFromEnv(env, (msg) => {
      logger.warn(msg);
      console.warn(`clinical service: warning: ${msg}`);
    }),
  });
  return { app, redis };
}
