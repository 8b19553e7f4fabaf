import type { Scenario } from "./scenario-schema";
import type { Threshold } from "./thresholds";

/** Endpoint names of a scenario (`journey: step`), as thresholds and the results name them. */
export function scenarioEndpoints(scenario: Scenario): string[] {
  return [...new Set(scenario.journeys.flatMap((j) => j.steps.map((s) => `${j.name}: ${s.name}`)))];
}

/** Data classes a scenario's steps belong to (`class:` threshold scopes). */
export function scenarioClasses(scenario: Scenario): string[] {
  return [...new Set(scenario.journeys.flatMap((j) => j.steps.flatMap((s) => (s.dataClass ? [s.dataClass] : []))))];
}

/**
 * Why a threshold cannot be evaluated on this run, or null: a per-endpoint threshold naming an
 * endpoint the run does not have would only fail at the end with "no data", so it is refused
 * before the run starts, naming the endpoints there are.
 */
export function unknownScopeMessage(thresholds: Threshold[], what: string, endpoints: string[], classes: string[] = []): string | null {
  for (const t of thresholds) {
    if (t.scope === "overall") continue;
    if (t.scope.startsWith("class:")) {
      const c = t.scope.slice("class:".length);
      if (!classes.includes(c)) return `"${t.expression} @ ${t.scope}": ${what} has no requests of class ${c}; its classes are: ${classes.join(", ") || "none"}`;
      continue;
    }
    if (!endpoints.includes(t.scope)) return `"${t.expression} @ ${t.scope}": ${what} has no endpoint "${t.scope}"; its endpoints are: ${endpoints.join(", ")}`;
  }
  return null;
}
