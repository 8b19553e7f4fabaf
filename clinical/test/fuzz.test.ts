import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { useClinicalApp } from "./fixture";

const PARAMS = ["patient", "category", "code", "date", "_sort", "_count", "_offset", "identifier", "name", "location", "status", "x"];
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("p-000001", "Patient/p-000001", "vital-signs", "laboratory", "ge2026-01-01", "lt2026-11-26T08:00:00Z", "-date", "0", "-1", "1e9", "NaN", "%00", "' OR 1=1 --", "\\", "icu-1", "in-progress"),
  fc.integer().map(String),
);
const query = fc.array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString());

/** Property: whatever the query string or body, the service answers without a 500. */
describe("fuzzing parameters and bodies", () => {
  const t = useClinicalApp("pglite");

  it("never answers 500 to any search query", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/fhir/Patient", "/fhir/Observation", "/fhir/Encounter"), query, async (path, q) => {
        const res = await t.app.inject({ method: "GET", url: `${path}?${q}` });
        expect(res.statusCode, `${path}?${q} -> ${res.body}`).toBeLessThan(500);
        expect(res.json().resourceType).toMatch(/^(Bundle|OperationOutcome)$/);
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it("never answers 500 to any POST body", async () => {
    const body = fc.oneof(
      fc.json(),
      fc.record({
        resourceType: fc.constantFrom("Communication", "Parameters", "Patient"),
        status: fc.oneof(fc.constantFrom("completed", "in-progress"), fc.string()),
        priority: fc.oneof(fc.constantFrom("stat", "routine"), fc.anything()),
        subject: fc.oneof(fc.record({ reference: fc.oneof(fc.constant("Patient/p-000001"), fc.string()) }), fc.anything()),
        payload: fc.oneof(fc.array(fc.record({ contentString: fc.string() })), fc.anything()),
      }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/fhir/Communication", "/fhir/Patient/p-000001/$triage"), body, async (url, payload) => {
        const res = await t.app.inject({ method: "POST", url, headers: { "content-type": "application/fhir+json" }, payload });
        expect(res.statusCode, `${url} ${payload} -> ${res.body}`).toBeLessThan(500);
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });
});
