import type { ScenarioRun } from "./run-scenario";
import type { RunResult } from "./run";
import type { VerdictResult } from "../regression/types";
import { formatMs as f, formatThresholdActual } from "./format-figures";

const dots = (label: string) => `  ${label} ${".".repeat(Math.max(2, 18 - label.length))}:`;

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
  lines.push("  endpoints (whole run, warm-up included):");
  for (const [name, e] of Object.entries(r.endpoints)) {
    lines.push(`    ${name.padEnd(34)} ${String(e.requests).padStart(7)} req  p95 ${f(e.p95).padStart(8)} ms  p99 ${f(e.p99).padStart(8)} ms  errors ${e.errors}`);
  }
  if (r.sustainableRate !== undefined) lines.push(`${dots("sustainable rate")} ${r.sustainableRate === null ? "none (the first step already failed)" : `${r.sustainableRate} req/s`}`);
  lines.push("  thresholds:");
  for (const t of r.thresholds) lines.push(`    ${t.ok ? "✓" : "✗"} ${t.scope} ${t.expression}  (actual ${t.actual === null ? "no data" : formatThresholdActual(t.expression, t.actual)})`);
  if (r.invalidReason) lines.push(`  invalid: ${r.invalidReason}`);
  if (r.thresholdAbort) lines.push(`  stopped early: ${r.thresholdAbort}`);
  if (r.safetyFailure) lines.push(`  SAFETY: ${r.safetyFailure}`);
  lines.push(`  result: ${verdictOf(r)}`);
  return lines.join("\n");
}

/**
 * The comparison with a baseline for terminals: the verdict, its reasons in words, and each
 * check's figures, labelled as what they are (medians of steady-state window percentiles, which
 * differ from the whole-run percentiles of the endpoint table above).
 */
export function formatComparison(c: VerdictResult, label: string, allowInconclusive = false): string {
  const lines = [`  against baseline ${label}: ${c.verdict.toUpperCase()}`];
  for (const line of c.explanation) lines.push(`    ${line}`);
  const tested = c.comparisons.filter((x) => x.outcome !== "insufficient-data");
  if (tested.length) {
    lines.push("  checks (median over the steady-state windows of each window's percentile, warm-up excluded):");
    for (const x of tested) {
      lines.push(`    ${`${x.endpoint} ${x.metric}`.padEnd(40)} ${f(x.baselineValue).padStart(7)} → ${f(x.candidateValue).padStart(7)} ms  ×${x.ratio.toFixed(2)}  floor ${f(x.floorMs)} ms  ${x.outcome}`);
    }
  }
  if (c.verdict === "inconclusive") lines.push(allowInconclusive ? "  inconclusive allowed (--allow-inconclusive): exit 0" : "  exit 4: the gate could not judge (pass --allow-inconclusive to accept that)");
  return lines.join("\n");
}
