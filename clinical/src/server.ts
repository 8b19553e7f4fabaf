/** The clinical service's entry point: `npm run start:clinical` (or via `npm start`). */
import { Redis } from "ioredis";
import { clinicalEnv } from "./env";
import { migrateClinicalDb, openClinicalDb } from "./db/query";
import { buildClinicalApp } from "./app";
import { FAIL_FAST_REDIS_OPTIONS } from "../../lib/redis/fail-fast";


async function main(): Promise<void> {
  const env = clinicalEnv();
  const db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir: env.VIGIL_DATA_DIR, statementTimeoutMs: env.CLINICAL_STATEMENT_TIMEOUT_MS });
  await migrateClinicalDb(db);
  const redis = env.REDIS_URL ? new Redis(env.REDIS_URL, FAIL_FAST_REDIS_OPTIONS) : null;
  redis?.on("error", () => {}); // surfaced by /health; must not crash the process
  const app = await buildClinicalApp({
    db, redis, logLevel: env.LOG_LEVEL, maxInFlight: env.CLINICAL_MAX_IN_FLIGHT,
    cache: { mode: env.CLINICAL_CACHE, key: env.VIGIL_CACHE_KEY, adminSecret: env.CLINICAL_ADMIN_SECRET },
    publicUrl: env.CLINICAL_PUBLIC_URL ?? `http://${env.CLINICAL_HOST}:${env.CLINICAL_PORT}`,
  });
  await app.listen({ port: env.CLINICAL_PORT, host: env.CLINICAL_HOST });
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
