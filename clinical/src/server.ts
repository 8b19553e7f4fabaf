/** The clinical service's entry point: `npm run start:clinical` (or via `npm start`). */
import { join } from "node:path";
import { Redis } from "ioredis";
import { clinicalEnv } from "./env";
import { migrateClinicalDb, openClinicalDb } from "./db/query";
import { enableStatementStats } from "./db/statement-stats";
import { buildClinicalApp } from "./app";
import { DEFAULT_ADMISSION_SETTINGS } from "../../lib/engines/admission/defaults";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "../../lib/engines/admission/rate-limit";
import { FAIL_FAST_REDIS_OPTIONS } from "../../lib/redis/fail-fast";
import { clinicalLogger } from "./http/log-destination";

async function main(): Promise<void> {
  const env = clinicalEnv();
  const requestLog = env.CLINICAL_REQUEST_LOG === "-" ? null : (env.CLINICAL_REQUEST_LOG ?? join(env.VIGIL_DATA_DIR, "logs", "clinical-requests.log"));
  const logger = clinicalLogger({ level: env.LOG_LEVEL, requestLogFile: requestLog });
  const db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir: env.VIGIL_DATA_DIR });
  await migrateClinicalDb(db);
  await enableStatementStats(db);
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, FAIL_FAST_REDIS_OPTIONS) : null;
  redis?.on("error", () => {}); // surfaced by /health; must not crash the process
  const app = await buildClinicalApp({
    db, redis, logger, resources: {
      admission: { ...DEFAULT_ADMISSION_SETTINGS, enabled: env.CLINICAL_ADMISSION === "on" },
      rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: env.CLINICAL_RATE_LIMIT === "on" },
    },
    cache: { mode: env.CLINICAL_CACHE, key: env.VIGIL_CACHE_KEY, adminSecret: env.CLINICAL_ADMIN_SECRET },
    publicUrl: env.CLINICAL_PUBLIC_URL ?? `http://${env.CLINICAL_HOST}:${env.CLINICAL_PORT}`,
  });
  const address = await app.listen({ port: env.CLINICAL_PORT, host: env.CLINICAL_HOST });
  // The terminal's start-up line; request lines go to the file only.
  console.log(`clinical service listening on ${address}${requestLog ? `; request log: ${requestLog}` : ""}`);
  const stop = async () => {
    await app.close();
    redis?.disconnect();
    await db.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(`clinical service failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
