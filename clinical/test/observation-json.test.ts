import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp } from "./auth-support";
import { searchset, searchsetJson } from "../src/fhir/bundle";
import { ACVPU, VITALS } from "../src/fhir/codes";
import { toFhirObservation, type ObservationRow } from "../src/fhir/observation";
import { observationJson } from "../src/fhir/observation-json";
import { loadHospital } from "../src/seed/load-hospital";
import { fastestDb, useClinicalDb } from "./support";

// Strings that need escaping in JSON: quotes, backslashes, control characters, non-BMP text.
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom('a"b', "c\\d", "e\nf", "\u0000", "🩺", "</script>"));
const code = fc.oneof(fc.constantFrom(...Object.values(VITALS).map((v) => v.code), "2345-7", "718-7"), text);
const row: fc.Arbitrary<ObservationRow> = fc.record({
  id: fc.bigInt({ min: 1n, max: 2n ** 62n }).map(String),
  patient_id: fc.oneof(fc.constant("p-000001"), text),
  encounter_id: fc.option(fc.oneof(fc.constant("e-000001-1"), text, fc.constant(""))),
  category: fc.constantFrom("vital-signs" as const, "laboratory" as const),
  code,
  value_num: fc.option(fc.oneof(fc.double(), fc.integer(), fc.constant(-0))),
  value_code: fc.option(fc.oneof(fc.constantFrom(...Object.keys(ACVPU)), text)),
  unit: fc.option(fc.oneof(fc.constantFrom("/min", "%", "mmHg"), text)),
  effective_at: fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z"), noInvalidDate: true }),
});

describe("Observation and Bundle JSON written from rows", () => {
  it("is byte for byte JSON.stringify of the resource toFhirObservation builds, for any row", () => {
    fc.assert(fc.property(row, (r) => observationJson(r) === JSON.stringify(toFhirObservation(r))), { numRuns: 2000 });
  });

  it("is byte for byte JSON.stringify of the searchset Bundle, for any page", () => {
    const page = fc.record({ count: fc.integer({ min: 1, max: 200 }), offset: fc.integer({ min: 0, max: 10_000 }) });
    const params = fc.dictionary(fc.constantFrom("patient", "category", "_sort", "date", "code"), text, { maxKeys: 4 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), page, fc.nat(20_000), params, fc.constantFrom("http://127.0.0.1:4000", "https://fhir.example.org/r4"), (rows, p, total, q, baseUrl) => {
        const links = new URLSearchParams(q);
        const resources = rows.map(toFhirObservation);
        const entries = rows.map((r) => ({ resourceType: "Observation", id: `o-${r.id}`, json: observationJson(r) }));
        return searchsetJson(baseUrl, "/fhir/Observation", links, p, total, entries) === JSON.stringify(searchset(baseUrl, "/fhir/Observation", links, p, total, resources));
      }),
      { numRuns: 500 },
    );
  });
});

describe("the cached and the uncached observation search send the same bytes", () => {
  const ctx = useClinicalDb(fastestDb());
  let cached: FastifyInstance;
  let uncached: FastifyInstance;

  beforeAll(async () => {
    await loadHospital(ctx.db, { patients: 20, seed: 5, anchor: new Date("2026-11-26T08:00:00Z") });
    cached = await buildTestClinicalApp({ db: ctx.db, logLevel: "silent" });
    uncached = await buildTestClinicalApp({ db: ctx.db, logLevel: "silent", cache: { mode: "off" } });
  });
  afterAll(async () => {
    await cached?.close();
    await uncached?.close();
  });

  it("for vital signs, laboratory results, deep and empty pages", async () => {
    for (const url of [
      "/fhir/Observation?patient=p-000001&category=vital-signs&_sort=-date&_count=10",
      "/fhir/Observation?patient=p-000001&category=laboratory&_count=5&_offset=3",
      "/fhir/Observation?patient=p-000002&category=vital-signs&_count=10&_offset=900",
      "/fhir/Observation?patient=p-000001&category=vital-signs&code=8867-4&_sort=date&_count=3",
    ]) {
      const a = await cached.inject({ method: "GET", url });
      const b = await uncached.inject({ method: "GET", url });
      expect(a.statusCode, a.body).toBe(200);
      expect(b.body).toBe(a.body);
      expect(b.headers.etag).toBe(a.headers.etag);
      expect(b.headers["content-type"]).toBe(a.headers["content-type"]);
    }
  });
});
