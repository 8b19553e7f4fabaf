import { spawn } from "node:child_process";
import { statSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { buildTestClinicalApp } from "./auth-support";
import { clinicalLogger } from "../src/http/log-destination";
import { loadHospital } from "../src/seed/load-hospital";
import { syntheticPatients } from "../src/seed/synthetic-patients";
import { useClinicalDb } from "./support";
import { createTempDatabase } from "../../test/support/postgres";
import { testPostgresUrl } from "../../test/support/services";

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "vigil-reqlog-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) });
  return { stream: { write: (s: string) => stream.write(s) }, text: () => lines.join("") };
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const read = (f: string) => (existsSync(f) ? readFileSync(f, "utf8") : "");
const requestLines = (text: string) => text.split("\n").filter((l) => l.includes('"request completed"'));

describe("request logs go to a file, the terminal keeps warnings and errors", () => {
  const t = useClinicalDb("pglite");

  it("writes one line per request to the file (route template, no identifiers), none to the terminal", async () => {
    await loadHospital(t.db, { patients: 20, seed: 3, anchor: new Date() });
    const file = join(tempDir(), "logs", "clinical-requests.log");
    const terminal = capture();
    const logger = clinicalLogger({ level: "info", requestLogFile: file, terminal: terminal.stream });
    const app = await buildTestClinicalApp({ db: t.db, logger });
    const real = [...syntheticPatients(20, 3)][2]!;
    for (let i = 0; i < 25; i++) await app.inject({ method: "GET", url: `/fhir/Patient/${real.id}` });
    app.log.warn("a warning the operator must see");
    await until(() => requestLines(read(file)).length === 25 && read(file).includes("a warning"));
    await app.close();
    expect(requestLines(read(file))[0]).toContain('"route":"/fhir/Patient/:id"');
    expect(read(file)).not.toContain(real.id);
    expect(terminal.text()).toContain("a warning the operator must see");
    expect(requestLines(terminal.text())).toEqual([]);
  });

  it("moves a full file to .1 and starts a new one", async () => {
    const file = join(tempDir(), "requests.log");
    const logger = clinicalLogger({ level: "info", requestLogFile: file, terminal: capture().stream, maxBytes: 2000 });
    logger.info({ i: 0 }, "request completed");
    await until(() => existsSync(file));
    for (let i = 1; i < 40; i++) logger.info({ i }, "request completed");
    await until(() => existsSync(`${file}.1`) && read(file).includes('"i":39'));
    // Lines queued in the async writer when the file moves land in the new file: the bound is
    // approximate (within one write buffer), and no line is lost.
    expect(requestLines(read(file) + read(`${file}.1`))).toHaveLength(40);
    expect(read(file).length).toBeLessThan(2 * 2000);
  });
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

describe("the clinical service started as `npm start` starts it", () => {
  it("keeps request lines out of stdout and in VIGIL_DATA_DIR/logs/clinical-requests.log", async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_DATA_DIR: dataDir, CLINICAL_PORT: String(port), LOG_LEVEL: "info" };
    for (const k of ["CLINICAL_DATABASE_URL", "REDIS_URL", "CLINICAL_REQUEST_LOG", "CLINICAL_ADMIN_SECRET", "VIGIL_CACHE_KEY"]) delete env[k];
    // PostgreSQL when configured (PGlite's first start takes ~5 s, far more on a loaded machine).
    const pg = testPostgresUrl() ? await createTempDatabase(testPostgresUrl()!, "vigil_reqlog_test") : null;
    if (pg) env.CLINICAL_DATABASE_URL = pg.url;
    const child = spawn(process.execPath, ["--import", "tsx", "clinical/src/server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    try {
      await until(() => out.includes("listening on"), 150_000);
      for (let i = 0; i < 20; i++) await fetch(`http://127.0.0.1:${port}/fhir/Patient/p-000001`);
    } finally {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      await pg?.drop();
    }
    const file = join(dataDir, "logs", "clinical-requests.log");
    expect(out).toContain(`request log: ${file}`);
    expect(requestLines(out)).toEqual([]);
    expect(requestLines(read(file))).toHaveLength(20);
    expect(read(file)).not.toContain("p-000001");
    // Auth is on by default: without a token every FHIR request was a 401, and the signing key
    // was generated into the data folder readable by its owner only.
    expect(read(file).match(/"statusCode":401/g)).toHaveLength(20);
    expect(statSync(join(dataDir, "clinical-token-key")).mode & 0o777).toBe(0o600);
  }, 180_000);
});
