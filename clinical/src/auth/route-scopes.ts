import type { Interaction } from "./scopes";

export interface ScopeRule {
  resource: string;
  interaction: Interaction;
}

/**
 * FHIR operations and the scope each needs, decided one by one. `$triage` computes the NEWS2
 * RiskAssessment that `GET /fhir/RiskAssessment/<patient>` returns, and stores nothing: it is a
 * read of that resource (`system/RiskAssessment.r`), not a create.
 */
const OPERATIONS: Record<string, ScopeRule> = {
  "POST /fhir/Patient/:id/$triage": { resource: "RiskAssessment", interaction: "r" },
};

const TYPE = "([A-Z][A-Za-z]+)";
const INSTANCE = new RegExp(`^/fhir/${TYPE}/:id$`);
const TYPE_LEVEL = new RegExp(`^/fhir/${TYPE}$`);

/**
 * The scope a FHIR route needs, from its method and template: read an instance = `r`, search a
 * type = `s`, create = `c`, operations from the table above. null: a /fhir route nobody has
 * decided a rule for; the app refuses to start with one (require-token.ts).
 */
export function scopeRuleOf(method: string, template: string): ScopeRule | null {
  const op = OPERATIONS[`${method} ${template}`];
  if (op) return op;
  const read = method === "GET" || method === "HEAD";
  const instance = INSTANCE.exec(template);
  if (instance && read) return { resource: instance[1]!, interaction: "r" };
  const type = TYPE_LEVEL.exec(template);
  if (type && read) return { resource: type[1]!, interaction: "s" };
  if (type && method === "POST") return { resource: type[1]!, interaction: "c" };
  return null;
}

export const isFhirRoute = (template: string) => template === "/fhir" || template.startsWith("/fhir/");
