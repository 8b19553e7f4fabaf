import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { buildClinicalApp } from "../../clinical/src/app";
import { migrateClinicalDb, openClinicalDb, type ClinicalDb } from "../../clinical/src/db/query";
import { loadHospital } from "../../clinical/src/seed/load-hospital";
import { httpTarget, type Target } from "../../lib/engines/loadgen/http-target";
import { runScenario } from "../../lib/engines/loadgen/run-scenario";
import { BUILT_IN_SCENARIOS } from "../../lib/engines/loadgen/scenarios/built-in";

describe("morning rounds against the reference clinical service", () => {
  let dir: string;
  let db: ClinicalDb;
  let app: FastifyInstance;
  let target: Target;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vigil-rounds-"));
    db = await openClinicalDb({ dataDir: dir });
    await migrateClinicalDb(db);
    await loadHospital(db, { patients: 1000, seed: 5, anchor: new Date() });
    app = await buildClinicalApp({ db, logger: pino({ level: "silent" }) });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as { port: number };
    target = httpTarget(`http://127.0.0.1:${port}`, { connections: 20 });
  }, 60_000);
  afterAll(async () => {
    await target.close();
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("walks 15 clinicians through 8 bedside visits each, every check passing, right patients only", async () => {
    // 3600x instead of 60x: the same rounds, think times in tens of milliseconds.
    const scenario = { ...BUILT_IN_SCENARIOS["morning-rounds"]!, timeScale: 3600 };
    const result = await runScenario(scenario, target, { seed: 7 });
    expect(result.safetyFailure).toBeNull();
    const visits = result.endpoints["round visit: census"]!;
    expect(visits.requests).toBe(15 * 8);
    for (const step of ["patient", "vitals", "labs", "triage"]) {
      expect(result.endpoints[`round visit: ${step}`]!.requests, step).toBe(120);
      expect(result.endpoints[`round visit: ${step}`]!.errors, step).toBe(0);
    }
    expect(result.errors).toBe(0);
    expect(result.passed).toBe(true);
  }, 60_000);
});
