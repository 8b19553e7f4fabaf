import { createHash } from "node:crypto";

/** The fields of an audit event that the hash chain covers. */
export interface ChainedEvent {
  at: Date;
  actorId: string | null;
  actor: string;
  actorRole: string | null;
  action: string;
  target: string | null;
  sourceIp: string | null;
  outcome: string;
  before: unknown;
  after: unknown;
}

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function eventHash(prevHash: string, event: ChainedEvent): string {
  const body = canonicalJson({
    at: event.at,
    actorId: event.actorId,
    actor: event.actor,
    actorRole: event.actorRole,
    action: event.action,
    target: event.target,
    sourceIp: event.sourceIp,
    outcome: event.outcome,
    before: event.before ?? null,
    after: event.after ?? null,
  });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
