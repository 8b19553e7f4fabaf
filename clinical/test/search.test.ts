import { describe, expect, it } from "vitest";
import type { Bundle, Encounter, Observation, Patient } from "fhir/r4";
import { syntheticPatients } from "../src/seed/synthetic-patients";
import { clinicalDbKinds } from "./support";
import { FIXTURE, useClinicalApp } from "./fixture";

const link = (b: Bundle, rel: string) => b.link?.find((l) => l.relation === rel)?.url;
const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, "");

describe.each(clinicalDbKinds())("FHIR search on %s", (kind) => {
  const t = useClinicalApp(kind);
  const get = async <T>(url: string) => {
    const res = await t.app.inject({ method: "GET", url });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/fhir\+json/);
    return res.json() as T;
  };

  it("finds a patient by identifier, with or without the system", async () => {
    const p = [...syntheticPatients(FIXTURE.patients, FIXTURE.seed)][41]!;
    for (const q of [p.mrn, `urn:vigil:synthetic-mrn|${p.mrn}`]) {
      const b = await get<Bundle<Patient>>(`/fhir/Patient?identifier=${encodeURIComponent(q)}`);
      expect(b).toMatchObject({ resourceType: "Bundle", type: "searchset", total: 1 });
      expect(b.entry![0]!.resource!.id).toBe(p.id);
    }
    expect((await get<Bundle>(`/fhir/Patient?identifier=${encodeURIComponent(`urn:other|${p.mrn}`)}`)).total).toBe(0);
  });

  it("pages a name search with total and next/previous links that walk every match once", async () => {
    const all = [...syntheticPatients(FIXTURE.patients, FIXTURE.seed)];
    const prefix = all[0]!.family.slice(0, 4).toLowerCase();
    const expected = all.filter((p) => p.family.toLowerCase().startsWith(prefix) || p.given.toLowerCase().startsWith(prefix));
    let page = await get<Bundle<Patient>>(`/fhir/Patient?name=${prefix.toUpperCase()}&_count=7`);
    expect(page.total).toBe(expected.length);
    expect(link(page, "previous")).toBeUndefined();
    const seen: string[] = [];
    for (let i = 0; i < 100; i++) {
      seen.push(...page.entry!.map((e) => e.resource!.id!));
      const next = link(page, "next");
      if (!next) break;
      page = await get<Bundle<Patient>>(pathOf(next));
      expect(link(page, "previous")).toBeDefined();
    }
    expect(seen.sort()).toEqual(expected.map((p) => p.id).sort());
  });

  it("returns a patient's vital signs newest first, filtered by date, only for that patient", async () => {
    const b = await get<Bundle<Observation>>("/fhir/Observation?patient=Patient/p-000001&category=vital-signs&_sort=-date&_count=50");
    expect(b.total).toBeGreaterThan(50);
    const obs = b.entry!.map((e) => e.resource!);
    expect(obs.every((o) => o.subject?.reference === "Patient/p-000001")).toBe(true);
    expect(obs.every((o) => o.category?.[0]?.coding?.[0]?.code === "vital-signs")).toBe(true);
    const times = obs.map((o) => o.effectiveDateTime!);
    expect([...times].sort().reverse()).toEqual(times);
    expect(obs.find((o) => o.code.coding?.[0]?.code === "8867-4")?.valueQuantity).toMatchObject({ unit: "/min", system: "http://unitsofmeasure.org" });
    const cutoff = times[10]!;
    const since = await get<Bundle<Observation>>(`/fhir/Observation?patient=p-000001&category=vital-signs&date=ge${cutoff}&_count=200`);
    expect(since.entry!.every((e) => e.resource!.effectiveDateTime! >= cutoff)).toBe(true);
    expect(since.total).toBeGreaterThanOrEqual(11);
    expect(link(since, "self")).toContain(`date=ge${encodeURIComponent(cutoff)}`);
  });

  it("returns laboratory results with LOINC codes", async () => {
    const b = await get<Bundle<Observation>>("/fhir/Observation?patient=p-000001&category=laboratory&_count=10");
    expect(b.total).toBeGreaterThan(0);
    expect(b.entry![0]!.resource!.code.coding![0]).toMatchObject({ system: "http://loinc.org" });
  });

  it("lists a ward census of in-progress encounters", async () => {
    const icu = await get<Bundle<Encounter>>("/fhir/Encounter?location=Location/icu-1&status=in-progress&_count=500");
    expect(icu.total).toBeGreaterThanOrEqual(3); // the hottest 1% of 300 patients are ICU inpatients
    expect(icu.entry!.every((e) => e.resource!.status === "in-progress" && e.resource!.location![0]!.location.reference === "Location/icu-1")).toBe(true);
    expect(icu.entry!.map((e) => e.resource!.subject!.reference)).toContain("Patient/p-000001");
  });
});
