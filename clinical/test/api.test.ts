import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildClinicalApp } from "../src/app";
import { seedPatients } from "../src/seed/seed-patients";
import { syntheticPatients } from "../src/seed/synthetic-patients";
import { capturedLogger, clinicalDbKinds, useClinicalDb } from "./support";

const FHIR = /^application\/fhir\+json/;

describe.each(clinicalDbKinds())("FHIR API on %s", (kind) => {
  const ctx = useClinicalDb(kind);
  const log = capturedLogger();
  let app: FastifyInstance;
  beforeAll(async () => {
    await seedPatients(ctx.db, 20, 11);
    app = await buildClinicalApp({ db: ctx.db, logger: log.logger });
  });
  afterAll(() => app.close());

  it("returns the requested patient as a FHIR R4 Patient", async () => {
    const expected = [...syntheticPatients(20, 11)][6]!;
    const res = await app.inject({ method: "GET", url: `/fhir/Patient/${expected.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(FHIR);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.json()).toMatchObject({
      resourceType: "Patient",
      id: expected.id,
      identifier: [{ system: "urn:vigil:synthetic-mrn", value: expected.mrn }],
      name: [{ family: expected.family, given: [expected.given] }],
      gender: expected.gender,
      birthDate: expected.birthDate,
      meta: { tag: [{ code: "synthetic" }] },
    });
  });

  it.each([
    ["a malformed id", "/fhir/Patient/bad_id!", 400, "invalid"],
    ["an id over 64 characters", `/fhir/Patient/${"a".repeat(65)}`, 400, "invalid"],
    ["an unknown id", "/fhir/Patient/p-999999", 404, "not-found"],
    ["an unknown route", "/fhir/Nope", 404, "not-found"],
  ])("answers %s with an OperationOutcome", async (_label, url, status, code) => {
    const res = await app.inject({ method: "GET", url });
    expect(res.statusCode).toBe(status);
    expect(res.headers["content-type"]).toMatch(FHIR);
    expect(res.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ severity: "error", code }] });
  });

  it("keeps canary identifiers out of /metrics and the logs, on success and error paths", async () => {
    const known = [...syntheticPatients(20, 11)][3]!;
    const canaries = ["CANARY-77123", known.id, known.mrn, known.family];
    for (const url of [`/fhir/Patient/${known.id}`, "/fhir/Patient/CANARY-77123", "/fhir/Patient/CANARY-77123!", "/CANARY-77123"]) {
      await app.inject({ method: "GET", url });
    }
    const metrics = (await app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toContain('route="/fhir/Patient/:id"');
    expect(metrics).toMatch(/clinical_db_query_duration_seconds_count\{query="patient.read",outcome="ok"\} [1-9]/);
    const logs = log.text();
    expect(logs).toContain('"route":"/fhir/Patient/:id"');
    for (const c of canaries) {
      expect(metrics).not.toContain(c);
      expect(logs).not.toContain(c);
    }
  });

  it("reports database up and Redis not configured", async () => {
    const res = await app.inject({ method: "GET", url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: { status: "up", kind }, redis: { status: "not-configured" } });
  });
});
