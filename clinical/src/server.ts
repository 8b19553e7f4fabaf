/** The clinical service's entry point: `npm run start:clinical` (or via `npm start`). */
import { clinicalEnv } from "./env";
import { migrateClinicalDb, openClinicalDb } from "./db/query";
import { enableStatementStats } from "./db/statement-stats";
import { clinicalAppFromEnv, requestLogFile } from "./app-from-env";

async function main(): Promise<void> {
  const env = clinicalEnv();
  const requestLog = requestLogFile(env);
  const db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir: env.VIGIL_DATA_DIR });
  await migrateClinicalDb(db);
  await enableStatementStats(db);
  await db.warm();
  const { app, redis } = await clinicalAppFromEnv(env, db);
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
