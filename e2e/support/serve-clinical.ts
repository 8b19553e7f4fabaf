/** Starts the clinical service for the e2e suite on a fresh database, seeded like `npm start`. */
import { rmSync } from "node:fs";
import { recreateDatabase } from "../../test/support/postgres";
import { E2E, e2eDataDir, e2eDatabaseUrl } from "./config";

const url = e2eDatabaseUrl("clinical");
if (url) {
  await recreateDatabase(url);
  process.env.CLINICAL_DATABASE_URL = url;
} else {
  rmSync(`${e2eDataDir("clinical")}/clinical`, { recursive: true, force: true });
}
Object.assign(process.env, {
  VIGIL_DATA_DIR: e2eDataDir("clinical"), CLINICAL_PORT: String(E2E.clinicalPort), LOG_LEVEL: "warn",
  CLINICAL_ADMIN_SECRET: E2E.clinicalAdminSecret, VIGIL_CACHE_KEY: E2E.cacheKey, CLINICAL_TOKEN_KEY: E2E.clinicalTokenKey,
  // The console's load tests saturate this unindexed database from one address; the adaptive
  // limiter's minimum-RTT probes (pinned to 4 in flight every ~5 s) would shed some of their
  // clinical searches and fail the runs' error checks, which is the limiter doing its job but not
  // what these specs judge. The limiter has its own suites (clinical/test/admission.test.ts,
  // rate-limit.test.ts); here it observes only.
  CLINICAL_ADMISSION: "off", CLINICAL_RATE_LIMIT: "off",
});

// A fresh deployment in Redis too: control-plane state an earlier run stored there (cache policies,
// resource and pool settings, `<prefix>:<kind>:latest`) would come back at start and override this
// run's environment (a run that left rate limiting on turned it on here).
if (process.env.REDIS_URL) {
  const { Redis } = await import("ioredis");
  const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", "vigil:clinical:*:latest", "COUNT", 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } catch {
    // No Redis answering: nothing stored to clear.
  } finally {
    redis.disconnect();
  }
}

const { prepareClinicalDatabase } = await import("../../clinical/src/seed/prepare");
await prepareClinicalDatabase({ consoleClient: E2E.clinicalClient });
await import("../../clinical/src/server");
