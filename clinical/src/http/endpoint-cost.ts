import type { CostKind } from "@/core/engines/admission/rate-limit";

/** Cost kind per method and route template; routes not listed (health, metrics, admin) are not charged. */
const COST_BY_ENDPOINT: Record<string, CostKind> = {
  "GET /fhir/Patient/:id": "read",
  "GET /fhir/Communication/:id": "read",
  "GET /fhir/Patient": "search",
  "GET /fhir/Observation": "search",
  "GET /fhir/Encounter": "search",
  "POST /fhir/Patient/:id/$triage": "triage",
  "POST /fhir/Observation": "write",
  "POST /fhir/Communication": "write",
  // Charged to the source address (there is no authenticated client yet) at a write's weight:
  // each request costs one scrypt check (~50 ms on a thread-pool thread), so this bounds a flood
  // of guessed secrets, or of requests made only to burn CPU, at 40 a second per address.
  "POST /auth/token": "write",
};

export function costKindOf(method: string, routeTemplate: string): CostKind | undefined {
  return COST_BY_ENDPOINT[`${method} ${routeTemplate}`];
}
