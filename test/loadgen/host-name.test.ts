import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { bearer, buildTestClinicalApp, testToken } from "../../clinical/test/auth-support";
import { migrateClinicalDb, openClinicalDb, type ClinicalDb } from "../../clinical/src/db/query";
import { loadHospital } from "../../clinical/src/seed/load-hospital";
import { httpTarget } from "@/core/engines/loadgen/http-target";
import { guardTarget } from "@/core/engines/loadgen/target-guard";
import { runScenario } from "@/core/engines/loadgen/run-scenario";
import { BUILT_IN_SCENARIOS } from "@/core/engines/loadgen/scenarios/built-in";

/**
 * A scenario run against a host *name* goes through the same path as the console's run worker
 * and the CLI: guard (resolve + pin) → undici pool with the pinned lookup. Node 20's connect
 * asks that lookup with `{ all: true }`; answering with one address failed every request.
 */
describe("scenario run against a host name (localhost)", () => {
  let dir: string;
  let db: ClinicalDb;
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vigil-hostname-"));
    db = await openClinicalDb({ dataDir: dir });
    await migrateClinicalDb(db);
    await loadHospital(db, { patients: 1000, seed: 5, anchor: new Date() });
    app = await buildTestClinicalApp({ db, logger: pino({ level: "silent" }) });
    await app.listen({ port: 0, host: "127.0.0.1" });
    port = (app.server.address() as { port: number }).port;
  }, 240_000); // PGlite start-up and 1,000 patients: ~15 s here, minutes on a loaded 2-core box
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a 5 s light run by name connects: requests made, 0 errors", async () => {
    const pinned = await guardTarget(`http://localhost:${port}`);
    expect(pinned.host).toBe("localhost");
    const target = httpTarget(pinned.origin, { connections: 16, pinnedAddress: pinned, headers: bearer(await testToken()) });
    try {
      const result = await runScenario(BUILT_IN_SCENARIOS.light!, target, { seed: 3, durationS: 5 });
      expect(result.requests).toBeGreaterThan(10);
      expect(result.errors).toBe(0);
      expect(result.safetyFailure).toBeNull();
    } finally {
      await target.close();
    }
  }, 60_000);
});
