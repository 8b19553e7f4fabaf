/**
 * `npm start`: builds the console when its sources changed, prepares the clinical database
 * (migrations + a small synthetic data set on first start), then runs the console on :3000 and
 * the clinical service on :4000 until Ctrl-C. Embedded PGlite unless DATABASE_URL /
 * CLINICAL_DATABASE_URL are set; no database or Redis server is needed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { prepareClinicalDatabase } from "../clinical/src/seed/prepare";
import { waitForHttp } from "./wait-for-http";
import { ensureSharedSecrets } from "../lib/startup/shared-secrets";
import { ensureConsoleClientCredentials } from "../lib/startup/console-client";
import { env } from "../lib/env";
import { clinicalEnv } from "../clinical/src/env";

const started = Date.now();
// Settings are read through the two validated env modules; the children get this process's
// environment passed through whole (plus the shared secrets), and parse it themselves.
const CONSOLE_PORT = String(env().PORT);
const CLINICAL_PORT = String(clinicalEnv().CLINICAL_PORT);
const SOURCES = ["app", "components", "lib", "sw", "public/icons", "proxy.ts", "next.config.mjs", "package-lock.json"];

function newestMtime(path: string): number {
  if (!existsSync(path) || path.endsWith("generated")) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((e) => newestMtime(join(path, e))));
}

function buildIfStale(): void {
  const builtAt = existsSync(".next/BUILD_ID") ? statSync(".next/BUILD_ID").mtimeMs : 0;
  if (builtAt > Math.max(...SOURCES.map(newestMtime))) return console.log("vigil: console build is up to date");
  console.log("vigil: building the console (next build + service worker)…");
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
}

function run(name: string, args: string[], env: Record<string, string>): ChildProcess {
  // node itself (not npx) is the child, so stopping it stops the server, not just a wrapper.
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
  child.on("exit", (code) => {
    console.error(`vigil: ${name} exited (${code ?? "signal"}); stopping.`);
    shutdown(code ?? 1);
  });
  return child;
}

const children: ChildProcess[] = [];
function shutdown(code: number): never {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  process.exit(code);
}

async function main(): Promise<void> {
  buildIfStale();
  // The console's API client on the clinical service: registered before either starts (PGlite has one owner).
  const consoleClient = ensureConsoleClientCredentials(env().VIGIL_DATA_DIR);
  const clinical = await prepareClinicalDatabase({ consoleClient });
  console.log(`vigil: clinical database ready (${clinical.kind}, ${clinical.patients} synthetic patients; console API client ${consoleClient.id})`);
  const secrets = ensureSharedSecrets(env().VIGIL_DATA_DIR);
  const credentials = { CLINICAL_CLIENT_ID: consoleClient.id, CLINICAL_CLIENT_SECRET: consoleClient.secret };
  children.push(run("console", ["scripts/serve-console.ts"], { NODE_ENV: "production", PORT: CONSOLE_PORT, CLINICAL_ADMIN_SECRET: secrets.CLINICAL_ADMIN_SECRET, ...credentials }));
  children.push(run("clinical service", ["clinical/src/server.ts"], { CLINICAL_PORT, ...secrets }));
  process.on("SIGINT", () => shutdown(0));
  process.on("SIGTERM", () => shutdown(0));
  await Promise.all([
    waitForHttp(`http://127.0.0.1:${CONSOLE_PORT}/api/health`),
    waitForHttp(`http://127.0.0.1:${CLINICAL_PORT}/health`),
  ]);
  console.log(`
Vigil is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)
  Console:          http://127.0.0.1:${CONSOLE_PORT}
  Clinical service: http://127.0.0.1:${CLINICAL_PORT}  (FHIR R4: /fhir/Patient/p-000001, bearer token:
                    npm run -s clinical:token -- --scopes system/Patient.r; see the README)
Sign in as ${env().VIGIL_ADMIN_EMAIL} with VIGIL_ADMIN_PASSWORD, or with the
password printed above on the very first start. Press Ctrl-C to stop.`);
}

main().catch((err) => {
  console.error(`vigil: ${err instanceof Error ? err.message : String(err)}`);
  shutdown(1);
});
