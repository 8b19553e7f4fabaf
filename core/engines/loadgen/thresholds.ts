import type { LatencySummary } from "./histogram";
import type { EndpointStats } from "./recorder";

/** A k6-style check on a run metric, e.g. `p(95) < 2000` or `error_rate < 0.01`. */
export interface Threshold {
  /** `overall` or an endpoint name. */
  scope: string;
  expression: string;
  /** Stop the run as soon as this fails (checked every second after the first few). */
  abortOnFail?: boolean;
}

export interface ThresholdVerdict extends Threshold {
  ok: boolean;
  actual: number | null;
}

/** The product brief's defaults for every run. */
export const DEFAULT_THRESHOLDS: Threshold[] = [
  { scope: "overall", expression: "p(95) < 2000" },
  { scope: "overall", expression: "p(99) < 3000" },
  { scope: "overall", expression: "error_rate < 0.01" },
];

/** The brief's per-endpoint latency targets, keyed by the built-in journeys' step names. */
export const DEFAULT_ENDPOINT_THRESHOLDS: Threshold[] = [
  { scope: "patient lookup: read patient", expression: "p(95) < 1000" },
  { scope: "vital signs: latest vitals", expression: "p(95) < 500" },
  { scope: "emergency alert: stat alert", expression: "p(95) < 5000" },
];

/** Clinical data classes a scenario step can belong to (the service's priority classes). */
export const DATA_CLASSES = ["patient-data", "clinical-data", "ai-inference", "emergency"] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

/**
 * The brief's throughput floors, in successful requests per second of each class. Checked when
 * a scenario offers at least that much load of the class (see run-scenario.ts): a 10-user run
 * cannot prove a 100 req/s floor, and failing it for that would be noise.
 */
export const THROUGHPUT_FLOORS: Partial<Record<DataClass, number>> = { "patient-data": 100, "clinical-data": 80, "ai-inference": 30 };

export interface ClassStats {
  requests: number;
  errors: number;
}

/** `p(95) < 1000` (overall) or `p(95) < 1000 @ patient lookup: read patient` (one endpoint). */
export function parseThresholdLine(line: string, abortOnFail = false): Threshold {
  const at = line.indexOf("@");
  const expression = (at < 0 ? line : line.slice(0, at)).trim();
  const scope = at < 0 ? "overall" : line.slice(at + 1).trim();
  parseThreshold(expression);
  if (!scope) throw new Error(`Threshold "${line}" names no endpoint after @`);
  return { scope, expression, ...(abortOnFail ? { abortOnFail } : {}) };
}

const EXPRESSION = /^\s*(p\((50|90|95|99|99\.9)\)|max|avg|error_rate|rps)\s*(<=|<|>=|>)\s*(\d+(\.\d+)?)\s*$/;

export function parseThreshold(expression: string): { metric: string; op: string; value: number } {
  const m = EXPRESSION.exec(expression);
  if (!m) throw new Error(`Invalid threshold "${expression}": use p(95) < 2000, max < 5000, avg < 500, error_rate < 0.01 or rps > 100`);
  return { metric: m[1]!, op: m[3]!, value: Number(m[4]) };
}

interface Measured {
  latencyMs: LatencySummary;
  errorRate: number;
  throughput: number;
  durationS: number;
  endpoints: Record<string, EndpointStats>;
  classes?: Record<string, ClassStats>;
}

function metricValue(metric: string, s: LatencySummary, errorRate: number, rps: number): number {
  const p: Record<string, number> = { "p(50)": s.p50, "p(90)": s.p90, "p(95)": s.p95, "p(99)": s.p99, "p(99.9)": s.p999 };
  if (metric in p) return p[metric]!;
  if (metric === "max") return s.max;
  if (metric === "avg") return s.meanMs;
  if (metric === "error_rate") return errorRate;
  return rps;
}

function compare(op: string, actual: number, value: number): boolean {
  return op === "<" ? actual < value : op === "<=" ? actual <= value : op === ">" ? actual > value : actual >= value;
}

/** `class:<name>` scopes aggregate a data class: `rps` counts its successful requests per second. */
function evaluateClass(t: Threshold, run: Measured): ThresholdVerdict {
  const { metric, op, value } = parseThreshold(t.expression);
  const c = run.classes?.[t.scope.slice("class:".length)];
  if (!c || (metric !== "rps" && metric !== "error_rate")) return { ...t, ok: false, actual: null };
  const actual = metric === "rps" ? (c.requests - c.errors) / run.durationS : c.requests ? c.errors / c.requests : 0;
  return { ...t, ok: compare(op, actual, value), actual };
}

export function evaluateThresholds(thresholds: Threshold[], run: Measured): ThresholdVerdict[] {
  return thresholds.map((t) => {
    if (t.scope.startsWith("class:")) return evaluateClass(t, run);
    const { metric, op, value } = parseThreshold(t.expression);
    const ep = t.scope === "overall" ? null : run.endpoints[t.scope];
    if (t.scope !== "overall" && !ep) return { ...t, ok: false, actual: null };
    const actual = ep
      ? metricValue(metric, ep, ep.requests ? ep.errors / ep.requests : 0, ep.requests / run.durationS)
      : metricValue(metric, run.latencyMs, run.errorRate, run.throughput);
    return { ...t, ok: compare(op, actual, value), actual };
  });
}
