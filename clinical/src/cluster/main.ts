/**
 * `npm run start:clinical-cluster`: the clinical service as N worker processes sharing its port
 * (node:cluster). The primary migrates the database once, keeps the workers running, and lets the
 * console's scaler change N over a signed loopback control endpoint.
 */
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { clinicalEnv } from "../env";
import { migrateClinicalDb, openClinicalDb } from "../db/query";
import { startControlServer } from "./control-server";
import { startPrimary } from "./primary";
import { runWorker } from "./worker";

async function primaryMain(): Promise<void> {
  const env = clinicalEnv();
  const db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir: env.VIGIL_DATA_DIR });
  await migrateClinicalDb(db);
  await db.close(); // PGlite: the one worker is the folder's only owner from here on
  const primary = startPrimary({
    initialWorkers: env.CLINICAL_WORKERS,
    maxWorkers: env.CLINICAL_MAX_WORKERS || availableParallelism(),
    database: env.CLINICAL_DATABASE_URL ? "postgres" : "pglite",
    log: (m) => console.log(`[cluster] ${m}`),
  });
  const first = await primary.ready;
  if (!first.ok) throw new Error(first.error);
  const control = await startControlServer(primary, env.CLINICAL_ADMIN_SECRET, env.CLINICAL_CLUSTER_CONTROL_PORT);
  console.log(`[cluster] ${first.workers} worker(s) on :${env.CLINICAL_PORT}, control on 127.0.0.1:${env.CLINICAL_CLUSTER_CONTROL_PORT}`);
  const stop = async () => {
    control.close();
    await primary.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

(cluster.isPrimary ? primaryMain() : runWorker()).catch((err) => {
  console.error(`clinical cluster failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
