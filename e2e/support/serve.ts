/**
 * Starts one console for the e2e suite on a fresh database (recreated every run), then hands
 * over to the real server entry point. Usage: tsx e2e/support/serve.ts <main|idle>
 */
import { rmSync } from "node:fs";
import { recreateDatabase } from "../../test/support/postgres";
import { E2E, e2eDataDir, e2eDatabaseUrl } from "./config";

const which = process.argv[2] === "idle" ? E2E.idle : E2E.main;

async function freshDatabase(): Promise<void> {
  const url = e2eDatabaseUrl(which.name);
  // A fresh database needs a fresh data folder too: it holds the audit checkpoints of the old one.
  rmSync(e2eDataDir(which.name), { recursive: true, force: true });
  if (!url) {
    process.env.VIGIL_DATA_DIR = e2eDataDir(which.name);
    delete process.env.DATABASE_URL;
    return;
  }
  await recreateDatabase(url);
  process.env.DATABASE_URL = url;
  process.env.VIGIL_DATA_DIR = e2eDataDir(which.name);
}

await freshDatabase();
Object.assign(process.env, {
  NODE_ENV: "production",
  PORT: String(which.port),
  HOSTNAME: "127.0.0.1",
  VIGIL_ADMIN_PASSWORD: E2E.adminPassword,
  CLINICAL_URL: `http://127.0.0.1:${E2E.clinicalPort}`,
  CLINICAL_ADMIN_SECRET: E2E.clinicalAdminSecret,
  CLINICAL_CLIENT_ID: E2E.clinicalClient.id,
  CLINICAL_CLIENT_SECRET: E2E.clinicalClient.secret,
  // The index advisor reaches a PostgreSQL clinical database directly (HypoPG, CONCURRENTLY).
  ...(e2eDatabaseUrl("clinical") ? { CLINICAL_DATABASE_URL: e2eDatabaseUrl("clinical") } : {}),
  // Scrape the clinical service often, so Monitoring's charts see a run within seconds.
  VIGIL_SCRAPE_INTERVAL_S: "2",
  ...("idleMinutes" in which ? { VIGIL_SESSION_IDLE_MINUTES: String(which.idleMinutes) } : {}),
});
await import("../../scripts/serve-console");
