import { createServer } from "node:net";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminHeaders } from "@/core/engines/cache/signature";
import { startControlServer } from "../src/cluster/control-server";
import { startPrimary, type Primary } from "../src/cluster/primary";
import { migrateClinicalDb, openClinicalDb } from "../src/db/query";
import { loadHospital } from "../src/seed/load-hospital";
import { createTempDatabase } from "../../test/support/postgres";
import { serviceGate, testPostgresUrl } from "../../test/support/services";

const ENTRY = resolve(__dirname, "../src/cluster/main.ts");
const SECRET = "test-only-clinical-admin-secret-0123456789";

const freePort = () => new Promise<number>((res) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => res(p));
  });
});

async function signed(port: number, method: "GET" | "PUT", path: string, body?: unknown) {
  const text = body === undefined ? "" : JSON.stringify(body);
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, body: body === undefined ? undefined : text, headers: adminHeaders(SECRET, method, path, text) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe.runIf(serviceGate("PostgreSQL", Boolean(testPostgresUrl()), "set TEST_DATABASE_URL to run the cluster test"))("clinical cluster", () => {
  let drop = async () => {};
  let primary: Primary;
  let port: number;
  let controlPort: number;
  let control: Awaited<ReturnType<typeof startControlServer>>;

  beforeAll(async () => {
    const temp = await createTempDatabase(testPostgresUrl()!, "vigil_cluster_test");
    drop = temp.drop;
    const db = await openClinicalDb({ url: temp.url, dataDir: "" });
    await migrateClinicalDb(db);
    await loadHospital(db, { patients: 10, seed: 5, anchor: new Date("2026-11-26T08:00:00Z") });
    await db.close();
    port = await freePort();
    controlPort = await freePort();
    primary = startPrimary({
      initialWorkers: 1, maxWorkers: 2, database: "postgres", exec: ENTRY, execArgv: ["--import", "tsx"],
      env: { CLINICAL_DATABASE_URL: temp.url, CLINICAL_PORT: String(port), LOG_LEVEL: "silent", CLINICAL_CACHE: "off", REDIS_URL: "" },
    });
    const first = await primary.ready;
    expect(first, JSON.stringify(first)).toMatchObject({ ok: true, workers: 1 });
    control = await startControlServer(primary, SECRET, controlPort);
  }, 180_000);

  afterAll(async () => {
    control?.close();
    await primary?.stop();
    await drop();
  });

  it("serves on the shared port, reports load, and goes 1 → 2 → 1 workers on a signed request", async () => {
    for (let i = 0; i < 20; i++) expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBeLessThan(600);
    await new Promise((r) => setTimeout(r, 1500)); // one report interval
    const before = await signed(controlPort, "GET", "/cluster/state");
    expect(before.body).toMatchObject({ workers: 1, database: "postgres" });
    expect((before.body.metrics as { rps: number }).rps).toBeGreaterThan(0);

    const up = await signed(controlPort, "PUT", "/cluster/workers", { workers: 2 });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ ok: true, workers: 2 });
    expect((up.body.startedMs as number[])[0]).toBeGreaterThan(0);
    const down = await signed(controlPort, "PUT", "/cluster/workers", { workers: 1 });
    expect(down.body).toMatchObject({ ok: true, workers: 1 });
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBeLessThan(600);
  }, 180_000);

  it("refuses unsigned calls, too many workers, and keeps its workers when one cannot start", async () => {
    expect((await fetch(`http://127.0.0.1:${controlPort}/cluster/state`)).status).toBe(401);
    expect(await signed(controlPort, "PUT", "/cluster/workers", { workers: 3 })).toMatchObject({ status: 409, body: { ok: false, workers: 1, error: "at most 2 workers on this machine" } });
    // a worker that dies on start-up (bad database URL → the app cannot open its pool)
    const dir = mkdtempSync(join(tmpdir(), "vigil-cluster-"));
    const failing = join(dir, "fail.mjs");
    writeFileSync(failing, "process.exit(3);\n");
    const cluster = (await import("node:cluster")).default;
    cluster.setupPrimary({ exec: failing, execArgv: [] });
    const outcome = await primary.setWorkers(2);
    expect(outcome).toMatchObject({ ok: false, workers: 1, error: expect.stringMatching(/exited before listening \(code 3/) });
    expect(primary.state().workers).toBe(1);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBeLessThan(600);
    cluster.setupPrimary({ exec: ENTRY, execArgv: ["--import", "tsx"] });
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it("with the embedded PGlite, stays at one worker and says why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vigil-cluster-pglite-"));
    const solo = startPrimary({ initialWorkers: 2, maxWorkers: 2, database: "pglite", exec: ENTRY, execArgv: ["--import", "tsx"], env: { CLINICAL_PORT: String(await freePort()), VIGIL_DATA_DIR: dir, LOG_LEVEL: "silent" } });
    // asked for 2 at start: it starts 1; asking for 2 is refused with the reason
    expect(await solo.setWorkers(2)).toMatchObject({ ok: false, error: expect.stringMatching(/PGlite .* single-process/) });
    await solo.stop();
    await solo.ready;
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
