import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { bearer, buildTestClinicalApp, testToken } from "../../clinical/test/auth-support";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "@/core/engines/admission/rate-limit";
import { migrateClinicalDb, openClinicalDb, type ClinicalDb } from "../../clinical/src/db/query";
import { loadHospital } from "../../clinical/src/seed/load-hospital";
import { httpTarget, type Target } from "@/core/engines/loadgen/http-target";
import { runScenario } from "@/core/engines/loadgen/run-scenario";
import { BUILT_IN_SCENARIOS } from "@/core/engines/loadgen/scenarios/built-in";
import { compareRuns } from "@/core/engines/regression/run-comparison";

describe("morning rounds against the reference clinical service", () => {
  let dir: string;
  let db: ClinicalDb;
  let app: FastifyInstance;
  let target: Target;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vigil-rounds-"));
    db = await openClinicalDb({ dataDir: dir });
    await migrateClinicalDb(db);
    await loadHospital(db, { patients: 200, seed: 5, anchor: new Date() });
    // The scenario's correctness, not the per-address budget: this one client sends ~20 requests
    // at once with think times scaled down, past the default rate budget (rate limits have their
    // own suite, clinical/test/rate-limit.test.ts).
    app = await buildTestClinicalApp({ db, logger: pino({ level: "silent" }), resources: { rateLimit: { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false } } });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = app.server.address() as { port: number };
    target = httpTarget(`http://127.0.0.1:${port}`, { connections: 20, headers: bearer(await testToken()) });
  }, 180_000);
  afterAll(async () => {
    await target.close();
    await app.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lasts the duration asked for: 15 clinicians keep doing bedside visits, every check passing, right patients only", async () => {
    // 3600x instead of 60x: the same rounds, think times in tens of milliseconds.
    const scenario = { ...BUILT_IN_SCENARIOS["morning-rounds"]!, timeScale: 3600 };
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    await runScenario(scenario, target, { seed: 6, durationS: 2 }); // warms the service up (JIT, caches)
    const result = await runScenario(scenario, target, { seed: 7, durationS: 10 });
    process.off("warning", onWarning);
    // The run ends at 10 s plus the requests still in flight then (none waits out a think time).
    expect(result.durationS).toBeGreaterThanOrEqual(10);
    expect(result.durationS, JSON.stringify(result.latencyMs)).toBeLessThan(10.3 + result.latencyMs.max / 1000);
    expect(result.safetyFailure).toBeNull();
    // Clinicians go on to the next bed until the time is up (before, 8 visits each ended the run
    // early: ~1 s at this time scale on an idle machine). How many fit depends on the machine
    // (on a machine loaded by other work, a vitals search took 3 s): more than one each.
    const visits = result.endpoints["round visit: census"]!.requests;
    expect(visits, JSON.stringify(Object.fromEntries(Object.entries(result.endpoints).map(([k, e]) => [k, [e.requests, e.p50, e.max]])))).toBeGreaterThan(15);
    for (const step of ["patient", "vitals", "labs", "triage"]) {
      expect(result.endpoints[`round visit: ${step}`]!.errors, step).toBe(0);
      expect(result.endpoints[`round visit: ${step}`]!.requests, step).toBeGreaterThan(0);
    }
    expect(result.errors).toBe(0);
    expect(result.passed).toBe(true);
    // 15 users waiting on the run's signal at once must not trip Node's listener-leak warning.
    expect(warnings).not.toContain("MaxListenersExceededWarning");
  }, 60_000);

  it("two 20 s runs at the real time scale (60x) yield a verdict, not 'inconclusive'", async () => {
    const scenario = BUILT_IN_SCENARIOS["morning-rounds"]!;
    const baseline = await runScenario(scenario, target, { seed: 1, durationS: 20 });
    const candidate = await runScenario(scenario, target, { seed: 2, durationS: 20 });
    expect(baseline.windowS).toBe(2);
    const verdict = compareRuns(baseline, candidate);
    expect(verdict.verdict, verdict.explanation.join("\n")).not.toBe("inconclusive");
    // At least the census (every visit's first step) is judged on both percentiles.
    const census = verdict.comparisons.filter((c) => c.endpoint === "round visit: census");
    expect(census.map((c) => c.outcome)).not.toContain("insufficient-data");
    expect(census[0]!.nBaseline).toBeGreaterThanOrEqual(6);
  }, 90_000);
});
