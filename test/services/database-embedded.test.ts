import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp } from "../../clinical/test/auth-support";
import { loadHospital } from "../../clinical/src/seed/load-hospital";
import { useClinicalDb } from "../../clinical/test/support";
import { resetEnvForTests } from "../../lib/env";
import { adviseIndexes } from "../../lib/services/database/advise-indexes";
import { applyIndex } from "../../lib/services/database/apply-index";
import { clinicalIndexOps } from "../../lib/services/database/clinical-index-ops";
import { indexBuildProgress } from "../../lib/services/database/index-build-progress";
import { latestAdvice } from "../../lib/services/database/latest-advice";
import { rollbackIndex } from "../../lib/services/database/rollback-index";
import { auditEventsFor, makeActor } from "../support/actors";
import { useFreshConsoleDb } from "../support/console-db";

const SECRET = "test-only-clinical-admin-secret-0123456789";
const EMBEDDED = "embedded PGlite (owned by the clinical service)";

describe("index services with the embedded clinical database, through the clinical service", () => {
  useFreshConsoleDb("pglite");
  const clinical = useClinicalDb("pglite");
  let app: FastifyInstance;

  const observationIndexes = async () =>
    (await clinical.db.query<{ indexname: string }>("test.indexes", "SELECT indexname FROM pg_indexes WHERE tablename = 'observations' ORDER BY 1")).map((r) => r.indexname);

  beforeAll(async () => {
    delete process.env.CLINICAL_DATABASE_URL;
    delete process.env.CLINICAL_ADMIN_SECRET;
    resetEnvForTests();
    await loadHospital(clinical.db, { patients: 40, seed: 4, anchor: new Date("2026-11-26T08:00:00Z") });
    await clinical.db.query("test.analyze", "ANALYZE");
    app = await buildTestClinicalApp({ db: clinical.db, logLevel: "silent", cache: { mode: "off", adminSecret: SECRET } });
    for (let i = 1; i <= 12; i++) {
      const res = await app.inject({ method: "GET", url: `/fhir/Observation?patient=p-0000${String(i).padStart(2, "0")}&category=vital-signs&_sort=-date&_count=10` });
      expect(res.statusCode).toBe(200);
    }
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    delete process.env.CLINICAL_URL;
    delete process.env.CLINICAL_ADMIN_SECRET;
    resetEnvForTests();
  });

  it("says what to set when the console cannot sign calls to the service, and never opens the PGlite folder", async () => {
    const admin = await makeActor("admin");
    await expect(adviseIndexes(admin, {})).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("set CLINICAL_ADMIN_SECRET") });
    expect(await latestAdvice(admin)).toBeNull();
    await expect(adviseIndexes(await makeActor("compliance"), {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("advises (transaction what-if), applies with plain CREATE INDEX, refuses a duplicate, and rolls back", async () => {
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    Object.assign(process.env, { CLINICAL_URL: url, CLINICAL_ADMIN_SECRET: SECRET });
    resetEnvForTests();
    expect(clinicalIndexOps().target).toMatchObject({ kind: "embedded", method: "transaction", concurrently: false });

    const ops = await makeActor("ops");
    const advice = await adviseIndexes(ops, { minCalls: "10" });
    expect(advice).toMatchObject({ method: "transaction", database: EMBEDDED });
    const s = advice.suggestions.find((x) => x.table === "observations" && x.indexName.startsWith("observations_patient_id"));
    expect(s, JSON.stringify(advice.suggestions.map((x) => x.ddl))).toBeDefined();
    expect(s!.ddl).toMatch(/^CREATE INDEX observations_patient_id\S* ON public\.observations \(patient_id/);
    expect(await observationIndexes()).toEqual(["observations_pkey"]);

    await expect(applyIndex(ops, { suggestionId: s!.id, reason: "vital signs by patient scan the table" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await makeActor("admin");
    const applied = await applyIndex(admin, { suggestionId: s!.id, reason: "vital signs by patient scan the table" });
    expect(applied).toMatchObject({ status: "valid", indexName: s!.indexName, rechecked: false, error: null, ddl: s!.ddl, note: expect.stringContaining("plain CREATE INDEX") });
    expect(await observationIndexes()).toContain(s!.indexName);
    const target = `index:public.${s!.indexName}`;
    expect((await auditEventsFor({ target })).map((e) => [e.action, e.outcome])).toEqual([["index.apply.start", "success"], ["index.apply", "success"]]);

    // The same index again: the service's 409 is a CONFLICT with its reason, audited.
    await expect(applyIndex(admin, { suggestionId: s!.id, reason: "second attempt at the same index" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already exists") });
    expect((await auditEventsFor({ target })).at(-1)).toMatchObject({ action: "index.apply", outcome: "failure" });

    expect(await indexBuildProgress(ops)).toEqual({ database: EMBEDDED, builds: [], live: false });
    const readvised = await adviseIndexes(ops, { minCalls: "10" });
    expect(readvised.suggestions.find((x) => x.indexName === s!.indexName)).toBeUndefined();

    await expect(rollbackIndex(ops, { appliedIndexId: applied.id, reason: "writes got slower" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await rollbackIndex(admin, { appliedIndexId: applied.id, reason: "writes got slower" })).toEqual({ id: applied.id, existed: true });
    expect(await observationIndexes()).toEqual(["observations_pkey"]);
    expect((await auditEventsFor({ action: "index.rollback" })).map((e) => e.outcome)).toEqual(["success"]);
  });
});
