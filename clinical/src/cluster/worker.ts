/** One clinical-service worker under the cluster primary: the normal app, plus load reports over IPC. */
import { clinicalEnv } from "../env";
import { openClinicalDb } from "../db/query";
import { clinicalAppFromEnv } from "../app-from-env";
import { reportLoad, type LoadReport } from "./load-report";

export async function runWorker(): Promise<void> {
  const env = clinicalEnv();
  // The primary migrated the database before forking; workers only open it.
  const db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir: env.VIGIL_DATA_DIR });
  const { app, redis } = await clinicalAppFromEnv(env, db);
  const stopReports = reportLoad(app, (r: LoadReport) => process.send?.(r));
  await db.warm();
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
