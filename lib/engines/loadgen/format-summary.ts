import type { ScenarioRun } from "./run-scenario";
import type { RunResult } from "./run";

const dots = (label: string) => `  ${label} ${".".repeat(Math.max(2, 18 - label.length))}:`;
const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));

export function verdictOf(r: RunResult): "PASSED" | "FAILED" | "INVALID" | "SAFETY FAILURE" | "CANCELLED" {
  if (r.safetyFailure) return "SAFETY FAILURE";
  if (r.invalid) return "INVALID";
  if (r.cancelled) return "CANCELLED";
  return r.passed ? "PASSED" : "FAILED";
}

/** A k6-like end-of-run summary for terminals and CI logs. */
export function formatSummary(r: RunResult & Partial<ScenarioRun>, header: { what: string; target: string }): string {
  const l = r.latencyMs;
  const lines = [
    `${dots("run")} ${header.what}`,
    `${dots("target")} ${header.target}`,
    `${dots("duration")} ${r.durationS.toFixed(1)} s`,
    `${dots("requests")} ${r.requests} (${r.throughput.toFixed(1)}/s), errors ${r.errors} (${(r.errorRate * 100).toFixed(2)}%)`,
    `${dots("starts")} planned ${r.planned}, late ${r.late}, dropped ${r.dropped}`,
    `${dots("latency ms")} p50=${f(l.p50)} p90=${f(l.p90)} p95=${f(l.p95)} p99=${f(l.p99)} p99.9=${f(l.p999)} max=${f(l.max)}`,
    `${dots("status codes")} ${Object.entries(r.statusCodes).map(([k, v]) => `${k}:${v}`).join(" ") || "none"}`,
  ];
  if (Object.keys(r.errorKinds).length) lines.push(`${dots("error kinds")} ${Object.entries(r.errorKinds).map(([k, v]) => `${k}:${v}`).join(" ")}`);
  lines.push("  endpoints:");
  for (const [name, e] of Object.entries(r.endpoints)) {
    lines.push(`    ${name.padEnd(34)} ${String(e.requests).padStart(7)} req  p95 ${f(e.p95).padStart(8)} ms  p99 ${f(e.p99).padStart(8)} ms  errors ${e.errors}`);
  }
  if (r.sustainableRate !== undefined) lines.push(`${dots("sustainable rate")} ${r.sustainableRate === null ? "none (the first step already failed)" : `${r.sustainableRate} req/s`}`);
  lines.push("  thresholds:");
  for (const t of r.thresholds) lines.push(`    ${t.ok ? "✓" : "✗"} ${t.scope} ${t.expression}  (actual ${t.actual === null ? "no data" : f(t.actual)})`);
  if (r.invalidReason) lines.push(`  invalid: ${r.invalidReason}`);
  if (r.thresholdAbort) lines.push(`  stopped early: ${r.thresholdAbort}`);
  if (r.safetyFailure) lines.push(`  SAFETY: ${r.safetyFailure}`);
  lines.push(`  result: ${verdictOf(r)}`);
  return lines.join("\n");
}
