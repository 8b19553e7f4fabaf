import { describe, expect, it } from "vitest";
import { criticalityOf, priorityOf } from "../src/metrics/priority";

describe("criticality per route", () => {
  it.each([
    ["/fhir/Communication", "emergency", "CRITICAL_PLUS"],
    ["/fhir/Communication/:id", "emergency", "CRITICAL_PLUS"],
    ["/fhir/Patient/:id", "patient-data", "CRITICAL"],
    ["/fhir/Patient", "patient-data", "CRITICAL"],
    ["/fhir/Observation", "clinical-data", "SHEDDABLE_PLUS"],
    ["/fhir/Encounter", "clinical-data", "SHEDDABLE_PLUS"],
    ["/fhir/Patient/:id/$triage", "ai-inference", "SHEDDABLE"],
  ])("%s is %s (%s)", (route, cls, crit) => {
    expect(priorityOf(route)).toBe(cls);
    expect(criticalityOf(route)).toBe(crit);
  });

  it.each(["/health", "/metrics", "/admin/cache/policies", "unmatched"])("%s is exempt", (route) => {
    expect(priorityOf(route)).toBe("system");
    expect(criticalityOf(route)).toBeNull();
  });
});
