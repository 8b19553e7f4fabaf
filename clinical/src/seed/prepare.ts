import { clinicalEnv } from "../env";
import { migrateClinicalDb, openClinicalDb } from "../db/query";
import { loadHospital } from "./load-hospital";
import { registerClient } from "../auth/clients";
import { CONSOLE_CLIENT_SCOPES } from "@/core/auth/token-client";

/** What `npm start` seeds on first start: small, so the embedded default is ready in seconds. */
export const QUICKSTART_PATIENTS = 1000;
export const QUICKSTART_SEED = 42;

/**
 * Migrates the clinical database and seeds the quick-start data set when it is empty; with
 * `consoleClient`, (re-)registers the console's API client with those credentials, so the
 * console started alongside authenticates with no manual step (npm start, the e2e suite).
 */
export async function prepareClinicalDatabase(opts: { consoleClient?: { id: string; secret: string } } = {}): Promise<{ kind: string; patients: number }> {
  const env = clinicalEnv();
  const db = await openClinicalDb({ url: env.CLINICAL_DATABASE_URL, dataDir: env.VIGIL_DATA_DIR });
  try {
    await migrateClinicalDb(db);
    await loadHospital(db, { patients: QUICKSTART_PATIENTS, seed: QUICKSTART_SEED, anchor: new Date() });
    if (opts.consoleClient) await registerClient(db, { name: "console", scopes: CONSOLE_CLIENT_SCOPES, ...opts.consoleClient });
    const [row] = await db.query<{ n: number }>("seed.count", "SELECT count(*)::int AS n FROM patients");
    return { kind: db.kind, patients: row?.n ?? 0 };
  } finally {
    await db.close();
  }
}
