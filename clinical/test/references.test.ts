import { describe, expect, it } from "vitest";
import type { Bundle, FhirResource } from "fhir/r4";
import { clinicalDbKinds } from "./support";
import { useClinicalApp } from "./fixture";

const FHIR = /^application\/fhir\+json/;
type App = ReturnType<typeof useClinicalApp>["app"];

/** Every `reference` string anywhere in a resource (subject, basis, encounter, location, ...). */
function referencesIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "reference" && typeof v === "string") out.add(v);
      else referencesIn(v, out);
    }
  }
  return out;
}

/**
 * Reads every reference, then every reference in what was read, until nothing new turns up:
 * each must answer 200 with the resource it names.
 */
async function followAll(app: App, start: unknown): Promise<string[]> {
  const seen = new Set<string>();
  const queue = [...referencesIn(start)];
  while (queue.length) {
    const ref = queue.shift()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    expect(ref, "a relative Type/id reference").toMatch(/^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/);
    const res = await app.inject({ method: "GET", url: `/fhir/${ref}` });
    expect(res.statusCode, `GET /fhir/${ref}`).toBe(200);
    const [type, id] = ref.split("/");
    expect(res.json(), ref).toMatchObject({ resourceType: type, id });
    for (const next of referencesIn(res.json())) if (!seen.has(next)) queue.push(next);
  }
  return [...seen];
}

/** A patient the seeded hospital has every NEWS2 vital for, and its `$triage` answer. */
async function triaged(app: App) {
  for (let n = 1; n <= 50; n++) {
    const id = `p-${String(n).padStart(6, "0")}`;
    const res = await app.inject({ method: "POST", url: `/fhir/Patient/${id}/$triage` });
    if (res.statusCode === 200) return { id, assessment: res.json() };
  }
  throw new Error("no triageable patient in the first 50");
}

describe.each(clinicalDbKinds())("FHIR references resolve on %s", (kind) => {
  const t = useClinicalApp(kind);

  it("every reference in a $triage answer (and in what it points at) reads back", async () => {
    const { id, assessment } = await triaged(t.app);
    expect(assessment.basis.length).toBe(7);
    const followed = await followAll(t.app, assessment);
    expect(followed).toContain(`Patient/${id}`);
    expect(followed.filter((r) => r.startsWith("Observation/"))).toHaveLength(7);
    // The assessment itself is readable by its id, with the same content.
    const read = await t.app.inject({ method: "GET", url: `/fhir/RiskAssessment/${assessment.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(assessment);
  });

  it("every reference in a ward census Bundle reads back", async () => {
    const census = (await t.app.inject({ method: "GET", url: "/fhir/Encounter?location=ward-4b&status=in-progress" })).json() as Bundle;
    expect(census.entry?.length).toBeGreaterThan(0);
    const followed = await followAll(t.app, census.entry!.map((e) => e.resource));
    expect(followed).toContain("Location/ward-4b");
    expect(followed.filter((r) => r.startsWith("Patient/")).length).toBe(census.entry!.length);
    for (const e of census.entry!) {
      const self = await t.app.inject({ method: "GET", url: `/fhir/Encounter/${e.resource!.id}` });
      expect(self.json()).toEqual(e.resource);
    }
  });

  it.each([
    ["Patient", "p-999999"],
    ["Observation", "o-999999999"],
    ["Observation", "not-an-observation-id"],
    ["Encounter", "e-nope"],
    ["Location", "ward-99z"],
    ["RiskAssessment", "p-999999"],
    ["Communication", "c-999999999"],
  ])("answers an absent %s/%s with a 404 OperationOutcome", async (type, id) => {
    const res = await t.app.inject({ method: "GET", url: `/fhir/${type}/${id}` });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(FHIR);
    expect(res.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found" }] });
    // The read exists and says what is missing (an unknown route would say "No such endpoint.").
    expect(res.json().issue[0].diagnostics).toMatch(new RegExp(`^No ${type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()} with that id\\.$`));
    expect(res.body).not.toContain(id);
  });

  it("every read carries a weak ETag and answers a matching If-None-Match with 304", async () => {
    const { assessment } = await triaged(t.app);
    const alert = await t.app.inject({
      method: "POST", url: "/fhir/Communication", headers: { "content-type": "application/fhir+json" },
      payload: JSON.stringify({ resourceType: "Communication", status: "completed", priority: "stat", subject: assessment.subject, payload: [{ contentString: "review now" }] }),
    });
    const refs = [...referencesIn(assessment), `RiskAssessment/${assessment.id}`, "Location/ward-4b", `Communication/${alert.json().id}`];
    const encounter = (await t.app.inject({ method: "GET", url: "/fhir/Encounter?location=ward-4b&_count=1" })).json().entry[0].resource;
    refs.push(`Encounter/${encounter.id}`);
    const types = new Set<string>();
    for (const ref of refs) {
      const first = await t.app.inject({ method: "GET", url: `/fhir/${ref}` });
      expect(first.statusCode, ref).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag, ref).toMatch(/^W\/".+"$/);
      const again = await t.app.inject({ method: "GET", url: `/fhir/${ref}`, headers: { "if-none-match": etag } });
      expect(again.statusCode, ref).toBe(304);
      expect(again.body).toBe("");
      types.add(ref.split("/")[0]!);
    }
    expect([...types].sort()).toEqual(["Communication", "Encounter", "Location", "Observation", "Patient", "RiskAssessment"]);
  });

  it("every resource type answers an _id search with exactly the named resources", async () => {
    const { assessment } = await triaged(t.app);
    const alert = await t.app.inject({
      method: "POST", url: "/fhir/Communication", headers: { "content-type": "application/fhir+json" },
      payload: JSON.stringify({ resourceType: "Communication", status: "completed", priority: "stat", subject: assessment.subject, payload: [{ contentString: "review now" }] }),
    });
    const encounter = (await t.app.inject({ method: "GET", url: "/fhir/Encounter?location=ward-4b&_count=1" })).json().entry[0].resource;
    const [obs1, obs2] = assessment.basis.map((b: { reference: string }) => b.reference.split("/")[1]);
    const cases: [string, string[]][] = [
      ["Patient", [assessment.id, "p-000002"]],
      ["Observation", [obs1, obs2]],
      ["Encounter", [encounter.id]],
      ["Location", ["ward-4b", "icu-1"]],
      ["RiskAssessment", [assessment.id]],
      ["Communication", [alert.json().id]],
    ];
    for (const [type, ids] of cases) {
      const res = await t.app.inject({ method: "GET", url: `/fhir/${type}?_id=${ids.join(",")},absent-1` });
      expect(res.statusCode, type).toBe(200);
      const bundle = res.json() as Bundle<FhirResource>;
      expect(bundle.total, type).toBe(ids.length);
      expect(bundle.entry!.map((e) => e.resource!.id).sort(), type).toEqual([...ids].sort());
      expect(bundle.entry!.every((e) => e.resource!.resourceType === type), type).toBe(true);
      // The self link repeats the search: following it gives the same page.
      const self = bundle.link!.find((l) => l.relation === "self")!.url.replace(/^https?:\/\/[^/]+/, "");
      expect((await t.app.inject({ method: "GET", url: self })).json().total, `${type} self link`).toBe(ids.length);
      const none = (await t.app.inject({ method: "GET", url: `/fhir/${type}?_id=absent-1` })).json();
      expect(none, type).toMatchObject({ resourceType: "Bundle", total: 0 });
    }
  });
});
