/** What the clinical-service benchmarks share: seeded PostgreSQL databases and child-process servers. */
import { spawn, type ChildProcess } from "node:child_process";
import { cpus, totalmem } from "node:os";
import pg from "pg";
import { waitForHttp } from "../scripts/wait-for-http";
import { registerClient } from "../clinical/src/auth/clients";
import { migrateClinicalDb, openClinicalDb } from "../clinical/src/db/query";

export const BASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export const machine = () => `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

export function dbUrl(patients: number): string {
  const u = new URL(BASE);
  u.pathname = `/vigil_bench_${patients}`;
  return u.toString();
}

export async function ensureDatabase(patients: number): Promise<void> {
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [`vigil_bench_${patients}`]);
  if (!exists.rowCount) await admin.query(`CREATE DATABASE vigil_bench_${patients}`);
  await admin.end();
  await run("npx", ["tsx", "clinical/src/seed/cli.ts", "--patients", String(patients), "--seed", "1"], { CLINICAL_DATABASE_URL: dbUrl(patients) });
}

export function run(cmd: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
    c.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

export async function startServer(args: string[], env: Record<string, string>, healthUrl: string, timeoutMs = 30_000): Promise<ChildProcess> {
  // A server left over from an earlier row would answer the health check in the new one's place.
  if (await fetch(healthUrl).then(() => true, () => false)) throw new Error(`${healthUrl} is already taken`);
  // node itself (not npx) is the child, so kill() stops the server and not just a wrapper.
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...env } });
  try {
    await waitForHttp(healthUrl, timeoutMs);
    return child;
  } catch (err) {
    child.kill();
    throw err;
  }
}

/** Waits until no query of an earlier row still runs, so rows do not slow each other down. */
export async function databaseIdle(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  for (let i = 0; i < 60; i++) {
    const { rows } = await c.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()");
    if (rows[0].n === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await c.end();
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}


/** An API client registered in a benchmark's clinical database (the service requires bearer tokens). */
export async function registerBenchClient(url: string, name: string, scopes: string): Promise<{ clientId: string; clientSecret: string }> {
  const db = await openClinicalDb({ url, dataDir: ".vigil" });
  try {
    await migrateClinicalDb(db);
    const c = await registerClient(db, { name, scopes });
    return { clientId: c.id, clientSecret: c.secret };
  } finally {
    await db.close();
  }
}
