import { describe, expect, it } from "vitest";
import { syntheticPatients } from "../src/seed/synthetic-patients";
import { clinicalDbKinds } from "./support";
import { FIXTURE, useClinicalApp } from "./fixture";

const FHIR = /^application\/fhir\+json/;

describe.each(clinicalDbKinds())("FHIR read and errors on %s", (kind) => {
  const t = useClinicalApp(kind);

  it("returns the requested patient as a FHIR R4 Patient", async () => {
    const expected = [...syntheticPatients(FIXTURE.patients, FIXTURE.seed)][6]!;
    const res = await t.app.inject({ method: "GET", url: `/fhir/Patient/${expected.id}` });
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
    ["a malformed id", "GET", "/fhir/Patient/bad_id!", 400, "invalid"],
    ["an id over 64 characters", "GET", `/fhir/Patient/${"a".repeat(65)}`, 400, "invalid"],
    ["an unknown id", "GET", "/fhir/Patient/p-999999", 404, "not-found"],
    ["an unknown route", "GET", "/fhir/Nope", 404, "not-found"],
    ["an unknown search parameter", "GET", "/fhir/Patient?shoe-size=9", 400, "invalid"],
    ["a _count over the maximum", "GET", "/fhir/Patient?_count=100000", 400, "invalid"],
    ["an Observation search without a patient", "GET", "/fhir/Observation?category=vital-signs", 400, "invalid"],
    ["a bad date prefix", "GET", "/fhir/Observation?patient=p-000001&date=zz2026-01-01", 400, "invalid"],
    ["a bad category", "GET", "/fhir/Observation?patient=p-000001&category=gossip", 400, "invalid"],
    ["triage of an unknown patient", "POST", "/fhir/Patient/p-999999/$triage", 404, "not-found"],
  ] as const)("answers %s with an OperationOutcome", async (_label, method, url, status, code) => {
    const res = await t.app.inject({ method, url });
    expect(res.statusCode).toBe(status);
    expect(res.headers["content-type"]).toMatch(FHIR);
    expect(res.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ severity: "error", code }] });
  });

  it("answers 415 for a non-JSON body and 413 for an oversized one", async () => {
    const typed = await t.app.inject({ method: "POST", url: "/fhir/Communication", headers: { "content-type": "text/plain" }, payload: "help" });
    expect(typed.statusCode).toBe(415);
    expect(typed.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "not-supported" }] });
    const big = await t.app.inject({
      method: "POST", url: "/fhir/Communication", headers: { "content-type": "application/fhir+json" }, payload: `{"a":"${"x".repeat(300_000)}"}`,
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "too-long" }] });
    const broken = await t.app.inject({ method: "POST", url: "/fhir/Communication", headers: { "content-type": "application/fhir+json" }, payload: "{nope" });
    expect(broken.statusCode).toBe(400);
  });
});

describe("database loss", () => {
  const t = useClinicalApp("pglite");

  it("answers 503 with Retry-After (not 500) when the database is gone, and health says so", async () => {
    await t.ctx.db.close();
    const res = await t.app.inject({ method: "GET", url: "/fhir/Patient/p-000001" });
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "transient" }] });
    const health = await t.app.inject({ method: "GET", url: "/health" });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: "down", database: { status: "down" } });
  });
});
