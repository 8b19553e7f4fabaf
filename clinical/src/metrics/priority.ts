import type { PriorityClass } from "./registry";

/** Priority class by route template; later routes (vitals, triage, alerts) add their own rows. */
const PRIORITY_BY_PREFIX: [string, PriorityClass][] = [
  ["/fhir/Communication", "emergency"],
  ["/fhir/Patient/:id/$triage", "ai-inference"],
  ["/fhir/RiskAssessment", "ai-inference"],
  ["/fhir/Observation", "clinical-data"],
  ["/fhir/Encounter", "clinical-data"],
  ["/fhir/Location", "clinical-data"],
  ["/fhir/Patient", "patient-data"],
];

export function priorityOf(routeTemplate: string): PriorityClass {
  for (const [prefix, cls] of PRIORITY_BY_PREFIX) if (routeTemplate.startsWith(prefix)) return cls;
  return "system";
}
