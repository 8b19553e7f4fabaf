/** One clinical-service worker under the cluster primary: the normal app, plus load reports over IPC. */
import { Redis } from "ioredis";
import { clinicalEnv } from "../env";
import { openClinicalDb } from "../db/query";
import { buildClinicalApp } from "../app";
import { FAIL_FAST_REDIS_OPTIONS } from "../../../lib/redis/fail-fast";
import { reportLoad, type LoadReport } from "./load-report";

export async function runWorker(): Promise<void> {
  const env = clinicalEnv();
  // The primary migrated the database before forking; workers only open it.
  const db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir: env.VIGIL_DATA_DIR, statementTimeoutMs: env.CLINICAL_STATEMENT_TIMEOUT_MS });
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, FAIL_FAST_REDIS_OPTIONS) : null;
  redis?.on("error", () => {});
  const app = await buildClinicalApp({
    db, redis, logLevel: env.LOG_LEVEL, maxInFlight: env.CLINICAL_MAX_IN_FLIGHT,
    cache: { mode: env.CLINICAL_CACHE, key: env.VIGIL_CACHE_KEY, adminSecret: env.CLINICAL_ADMIN_SECRET },
  });
  const stopReports = reportLoad(app, (r: LoadReport) => process.send?.(r));
  await app.listen({ port: env.CLINICAL_PORT, host: env.CLINICAL_HOST });
  const stop = async () => {
    stopReports();
    await app.close();
    redis?.disconnect();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", () => {}); // the primary decides when workers stop
}
