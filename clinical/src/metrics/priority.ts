import { CRITICALITY, type AdmissionClass, type Criticality } from "@/core/engines/admission/classes";
import type { PriorityClass } from "./registry";

/**
 * Priority class by route template (criticality in core/engines/admission/classes.ts):
 * emergency alerts CRITICAL_PLUS, patient data CRITICAL, clinical data SHEDDABLE_PLUS,
 * AI inference SHEDDABLE. Everything else (health, metrics, admin, unmatched) is `system`,
 * exempt from admission control. Later routes add their own rows.
 */
const PRIORITY_BY_PREFIX: [string, AdmissionClass][] = [
  ["/fhir/Communication", "emergency"],
  ["/fhir/Patient/:id/$triage", "ai-inference"],
  ["/fhir/RiskAssessment", "ai-inference"],
  ["/fhir/Observation", "clinical-data"],
  ["/fhir/Encounter", "clinical-data"],
  ["/fhir/Location", "clinical-data"],
  ["/fhir/Patient", "patient-data"],
];

// Route templates are a small fixed set, so each is resolved once (this runs on every request).
const memo = new Map<string, PriorityClass>();

export function priorityOf(routeTemplate: string): PriorityClass {
  let cls = memo.get(routeTemplate);
  if (cls === undefined) {
    cls = PRIORITY_BY_PREFIX.find(([prefix]) => routeTemplate.startsWith(prefix))?.[1] ?? "system";
    memo.set(routeTemplate, cls);
  }
  return cls;
}

/** CRITICAL_PLUS … SHEDDABLE for a route, or null when it is exempt (system). */
export function criticalityOf(routeTemplate: string): Criticality | null {
  const cls = priorityOf(routeTemplate);
  return cls === "system" ? null : CRITICALITY[cls];
}
