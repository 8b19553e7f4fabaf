/** The parts of an audit event a period report reads (already redacted when recorded). */
export interface ReportAuditEvent {
  seq: string;
  at: string;
  actor: string;
  actorRole: string | null;
  action: string;
  target: string | null;
  sourceIp: string | null;
  outcome: string;
  before: unknown;
  after: unknown;
}

export interface ChangeRow {
  seq: string;
  at: string;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  outcome: string;
  reason: string | null;
  before: string;
  after: string;
}

export interface RefusalRow { seq: string; at: string; actor: string; role: string | null; attempted: string; sourceIp: string | null }
export interface SignInFailureGroup { sourceIp: string; failures: number; throttled: number; first: string; last: string }
export interface BreakGlassRow { seq: string; at: string; actor: string; action: string; outcome: string; reason: string | null }

/**
 * Actions that only look, sign in or out, or are reported in their own section: everything
 * else is a change a person made. A deny-list on purpose: a new kind of change must show up in
 * the report by default, not be missed until someone adds it to a list.
 */
const NOT_CHANGES_PREFIX = ["auth.", "access.", "session.", "audit.", "report.", "breakglass.", "monitoring."];
const READ_SUFFIX = [".view", ".list", ".history", ".count", ".export", ".progress", ".compare", ".insight", ".advise"];

export function isChange(action: string): boolean {
  return !NOT_CHANGES_PREFIX.some((p) => action.startsWith(p)) && !READ_SUFFIX.some((s) => action.endsWith(s));
}

const field = (v: unknown, key: string): unknown => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined);
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const json = (v: unknown): string => (v === null || v === undefined ? "" : JSON.stringify(v));

export function changeRows(events: ReportAuditEvent[]): ChangeRow[] {
  return events.filter((e) => isChange(e.action)).map((e) => ({
    seq: e.seq, at: e.at, actor: e.actor, role: e.actorRole, action: e.action, target: e.target, outcome: e.outcome,
    reason: text(field(e.after, "reason")), before: json(e.before), after: json(e.after),
  }));
}

export function refusalRows(events: ReportAuditEvent[]): RefusalRow[] {
  return events.filter((e) => e.action === "access.denied").map((e) => ({
    seq: e.seq, at: e.at, actor: e.actor, role: e.actorRole, attempted: text(field(e.after, "attempted")) ?? e.target ?? "", sourceIp: e.sourceIp,
  }));
}

/** Failed and throttled sign-ins per source address, most first; "unknown" when none was recorded. */
export function signInFailuresBySource(events: ReportAuditEvent[]): SignInFailureGroup[] {
  const groups = new Map<string, SignInFailureGroup>();
  for (const e of events) {
    if (e.action !== "auth.sign_in" || (e.outcome !== "failure" && e.outcome !== "throttled")) continue;
    const key = e.sourceIp ?? "unknown";
    const g = groups.get(key) ?? { sourceIp: key, failures: 0, throttled: 0, first: e.at, last: e.at };
    if (e.outcome === "failure") g.failures++;
    else g.throttled++;
    if (e.at < g.first) g.first = e.at;
    if (e.at > g.last) g.last = e.at;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.failures + b.throttled - (a.failures + a.throttled) || a.sourceIp.localeCompare(b.sourceIp));
}

export function breakGlassRows(events: ReportAuditEvent[]): BreakGlassRow[] {
  return events.filter((e) => e.action.startsWith("breakglass.")).map((e) => ({
    seq: e.seq, at: e.at, actor: e.actor, action: e.action, outcome: e.outcome, reason: text(field(e.after, "reason")),
  }));
}
