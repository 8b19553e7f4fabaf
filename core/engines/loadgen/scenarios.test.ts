import { afterEach, describe, expect, it } from "vitest";
import { BUILT_IN_SCENARIOS, SCENARIO_NAMES } from "./scenarios/built-in";
import { scenarioSchema } from "./scenario-schema";
import { defaultThresholds, runScenario, scaleStages } from "./run-scenario";
import { httpTarget } from "./http-target";
import { loopbackServer } from "./test-server";
import { patientIdsIn, wrongPatient } from "./patient-checks";
import { valuesAt } from "./json-path";
import { runPseudonym } from "./run-pseudonym";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

describe("built-in scenarios", () => {
  it("are all valid data, with the names the brief lists", () => {
    expect(SCENARIO_NAMES.sort()).toEqual(
      ["emergency-response", "heavy", "light", "mass-casualty", "morning-rounds", "normal", "peak", "spike", "stress", "system-overload"].sort(),
    );
    for (const s of Object.values(BUILT_IN_SCENARIOS)) expect(scenarioSchema.safeParse(s).success).toBe(true);
    // Clinicians repeat their rounds for the whole run: no iteration cap that ends it early.
    expect(BUILT_IN_SCENARIOS["morning-rounds"]!.profile).toEqual({ kind: "closed", startVUs: 15, stages: [{ durationS: 120, target: 15 }] });
  });

  it("adds the brief's throughput floors only where the offered load can reach them", () => {
    const floors = (name: string, rate?: number) => defaultThresholds(BUILT_IN_SCENARIOS[name]!, rate).filter((t) => t.scope.startsWith("class:")).map((t) => `${t.scope} ${t.expression}`);
    expect(floors("light")).toEqual([]);
    expect(floors("system-overload")).toEqual(["class:patient-data rps >= 100", "class:clinical-data rps >= 80", "class:ai-inference rps >= 30"]);
    // Stress steps: at 50 req/s nothing reaches a floor; at 500 req/s of the everyday mix, all do.
    expect(floors("stress", 50)).toEqual([]);
    expect(floors("stress", 500)).toHaveLength(3);
  });

  it("refuses a malformed scenario with the field named", () => {
    const r = scenarioSchema.safeParse({ name: "Bad Name!", title: "x", description: "x", profile: { kind: "open", startRate: 1, stages: [], maxInFlight: 1 }, journeys: [] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["name", "profile.stages", "journeys"]));
  });

  it("stretches stages to a requested duration", () => {
    expect(scaleStages([{ durationS: 10, target: 1 }, { durationS: 30, target: 2 }], 20).map((s) => s.durationS)).toEqual([5, 15]);
  });
});

describe("patient checks", () => {
  it("finds every patient a FHIR response is about", () => {
    expect(patientIdsIn({ resourceType: "Patient", id: "p-1" })).toEqual(["p-1"]);
    expect(patientIdsIn({ resourceType: "Bundle", entry: [{ resource: { resourceType: "Observation", subject: { reference: "Patient/p-1" } } }, { resource: { resourceType: "Observation", subject: { reference: "Patient/p-2" } } }] })).toEqual(["p-1", "p-2"]);
    expect(wrongPatient({ resourceType: "RiskAssessment", subject: { reference: "Patient/p-9" } }, "p-1")).toBe("p-9");
    expect(valuesAt({ entry: [{ r: { s: "a" } }, { r: { s: "b" } }] }, "entry[*].r.s")).toEqual(["a", "b"]);
  });

  it("aborts the whole run at the first wrong-patient response, whatever the latency", async () => {
    let served = 0;
    // Answers correctly, except that patient p-000007 gets p-000008's record.
    const srv = await loopbackServer((req, res) => {
      served++;
      const id = /Patient\/(p-\d+)/.exec(req.url ?? "")?.[1] ?? "p-000001";
      res.setHeader("content-type", "application/fhir+json");
      res.end(JSON.stringify({ resourceType: "Patient", id: id === "p-000007" ? "p-000008" : id }));
    });
    const target = httpTarget(srv.url, { connections: 20 });
    closers.push(srv.close, target.close);
    const scenario = scenarioSchema.parse({
      name: "wrong-patient", title: "t", description: "t",
      profile: { kind: "open", startRate: 200, stages: [{ durationS: 10, target: 200 }], maxInFlight: 100 },
      journeys: [{ name: "lookup", weight: 1, steps: [{ name: "read", path: "/fhir/Patient/{patient}", check: { samePatient: true } }] }],
      patients: { count: 10, zipfS: 0 },
    });
    const started = performance.now();
    const result = await runScenario(scenario, target, { seed: 3 });
    expect(result.safetyFailure).toMatch(/lookup: read: asked for patient pt_[0-9a-f]{12}, response was about another patient, pt_[0-9a-f]{12}/);
    expect(result.safetyFailure).toContain(runPseudonym("p-000007"));
    expect(result.safetyFailure).toContain(runPseudonym("p-000008"));
    expect(result.safetyFailure).not.toMatch(/p-0000/); // no identifier in what the run stores and shows
    expect(result.passed).toBe(false);
    expect(performance.now() - started).toBeLessThan(3000); // not the planned 10 s
    expect(served).toBeLessThan(2000);
  });
});
