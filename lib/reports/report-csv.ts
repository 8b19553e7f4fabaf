import type { PeriodReport } from "./period-report";

/** RFC 4180 quoting; text starting with =, +, - or @ is prefixed with ' so a spreadsheet does not run it (numbers stay numbers). */
function cell(v: unknown): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (typeof v === "string" && /^[=+\-@]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (...cells: unknown[]) => cells.map(cell).join(",");
const fixed = (n: number | null, digits: number) => (n === null ? "" : n.toFixed(digits));

/**
 * The whole report as one CSV: one block per section, each headed by `# section` and its column
 * names, so a reviewer can open it in a spreadsheet and a script can split it on the headings.
 */
export function periodReportCsv(r: PeriodReport): string {
  const out: string[] = [
    line("# report", "from", "to", "through_seq", "as_of"),
    line("period", r.period.from, r.period.to, r.through, r.asOf),
    "",
    line("# slo", "slo", "priority_class", "kind", "objective", "requests", "bad", "attainment", "budget_remaining"),
    ...(r.slo.measured
      ? r.slo.rows.map((s) => line("slo", s.sloId, s.priorityClass, s.kind, s.objective, s.total, s.bad, fixed(s.attainment, 6), fixed(s.budgetRemaining, 4)))
      : [line("slo", "no measurements in this period")]),
    "",
    line("# alerts", "slo", "severity", "rule", "fired_at", "resolved_at"),
    ...(r.alerts.measured ? r.alerts.rows.map((a) => line("alert", a.sloId, a.severity, a.rule, a.firedAt, a.resolvedAt ?? "still firing")) : [line("alert", "no measurements in this period")]),
    line("alerts_note", r.alerts.note),
    "",
    line("# changes", "seq", "at", "actor", "role", "action", "target", "outcome", "reason", "before", "after"),
    ...r.changes.map((c) => line("change", c.seq, c.at, c.actor, c.role, c.action, c.target, c.outcome, c.reason, c.before, c.after)),
    "",
    line("# refusals", "seq", "at", "actor", "role", "attempted", "source"),
    ...r.refusals.map((x) => line("refusal", x.seq, x.at, x.actor, x.role, x.attempted, x.sourceIp)),
    "",
    line("# sign_in_failures", "source", "failures", "throttled", "first", "last"),
    ...r.signInFailures.map((g) => line("sign_in_failure", g.sourceIp, g.failures, g.throttled, g.first, g.last)),
    "",
    line("# break_glass", "seq", "at", "actor", "action", "outcome", "reason"),
    ...r.breakGlass.map((b) => line("break_glass", b.seq, b.at, b.actor, b.action, b.outcome, b.reason)),
    "",
    line("# chain", "ok", "checked", "first_broken", "last_checkpoint_seq", "last_checkpoint_at"),
    line("chain", r.chain.ok, r.chain.checked, r.chain.firstBroken?.seq ?? "", r.chain.lastCheckpoint?.seq ?? "", r.chain.lastCheckpoint?.at ?? ""),
  ];
  return `${out.join("\r\n")}\r\n`;
}
