/**
 * SMART App Launch v2 system scopes (`system/<Type|*>.<cruds>`), the vocabulary of this
 * service's client-credentials tokens. Permissions keep SMART's order c, r, u, d, s.
 */
export type Interaction = "c" | "r" | "u" | "d" | "s";

const ORDER: readonly Interaction[] = ["c", "r", "u", "d", "s"];
const SCOPE = /^system\/([A-Z][A-Za-z]{0,63}|\*)\.(c?r?u?d?s?)$/;

export interface Scope {
  resource: string; // a FHIR resource type, or "*"
  can: ReadonlySet<Interaction>;
}

/** One scope string, or null when it is not a SMART v2 system scope (or grants nothing). */
export function parseScope(text: string): Scope | null {
  const m = SCOPE.exec(text);
  if (!m || m[2] === "") return null;
  return { resource: m[1]!, can: new Set(m[2]!.split("") as Interaction[]) };
}

/** A space-separated scope list; `invalid` names each entry that is not a v2 system scope. */
export function parseScopes(text: string): { scopes: Scope[]; invalid: string[] } {
  const scopes: Scope[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/\s+/).filter(Boolean)) {
    const s = parseScope(part);
    if (s) scopes.push(s);
    else invalid.push(part);
  }
  return { scopes, invalid };
}

export function formatScopes(scopes: Scope[]): string {
  return scopes.map((s) => `system/${s.resource}.${ORDER.filter((i) => s.can.has(i)).join("")}`).join(" ");
}

/**
 * What a client gets: for each requested scope, the permissions its registration also holds
 * on that resource (a registered `*` covers every type; a requested `*` takes each registered
 * type). Never more than either side; merged per resource type.
 */
export function grantScopes(requested: Scope[], registered: Scope[]): Scope[] {
  const merged = new Map<string, Set<Interaction>>();
  for (const want of requested) {
    for (const have of registered) {
      const resource = want.resource === "*" ? have.resource : have.resource === "*" || have.resource === want.resource ? want.resource : null;
      if (!resource) continue;
      const both = [...want.can].filter((i) => have.can.has(i));
      if (both.length === 0) continue;
      const set = merged.get(resource) ?? new Set<Interaction>();
      for (const i of both) set.add(i);
      merged.set(resource, set);
    }
  }
  return [...merged].map(([resource, can]) => ({ resource, can }));
}

/** Whether the scopes allow `interaction` on `resource`. */
export function allows(scopes: readonly Scope[], resource: string, interaction: Interaction): boolean {
  return scopes.some((s) => (s.resource === "*" || s.resource === resource) && s.can.has(interaction));
}
