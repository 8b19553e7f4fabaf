/**
 * Service-level objectives for the clinical service, one availability and one latency SLO per
 * priority class plus an overall pair. Everything monitoring-related (Prometheus recording and
 * alerting rules, the Grafana dashboard, the console's burn-rate view) is derived from this list.
 */

/** Priority classes the clinical service labels requests with (`priority_class`). */
export type PriorityClass = "emergency" | "patient-data" | "clinical-data" | "ai-inference" | "system";

/** An SLO scope: one priority class, or every request ("all"). */
export type SloScope = Exclude<PriorityClass, "system"> | "all";

export type SloKind = "availability" | "latency";

export interface Slo {
  /** Stable identifier, e.g. `emergency-availability`; used as the `slo` label. */
  id: string;
  priorityClass: SloScope;
  kind: SloKind;
  /** Target share of good events, e.g. 0.999. */
  objective: number;
  /** Latency SLOs only: a request is good when it completes within this many seconds. */
  thresholdS?: number;
  window: "30d";
  description: string;
}

/** Histogram bucket bounds (s) of `clinical_http_request_duration_seconds`. */
export const LATENCY_BUCKETS_S = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10] as const;

/** Per-scope targets; latency thresholds must be bucket bounds so the SLI is exact. */
const TARGETS: ReadonlyArray<{ scope: SloScope; availability: number; thresholdS: number }> = [
  { scope: "emergency", availability: 0.99999, thresholdS: 5 },
  { scope: "patient-data", availability: 0.9999, thresholdS: 1 },
  { scope: "clinical-data", availability: 0.999, thresholdS: 0.5 },
  { scope: "ai-inference", availability: 0.999, thresholdS: 3 },
  { scope: "all", availability: 0.999, thresholdS: 2 },
];

const LATENCY_OBJECTIVE = 0.99;

function scopeText(scope: SloScope): string {
  return scope === "all" ? "all requests" : `${scope} requests`;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(4))}%`;
}

/** Builds the SLO list (availability then latency per scope) from the target table. */
function buildSlos(): Slo[] {
  return TARGETS.flatMap(({ scope, availability, thresholdS }): Slo[] => [
    {
      id: `${scope}-availability`,
      priorityClass: scope,
      kind: "availability",
      objective: availability,
      window: "30d",
      description: `${percent(availability)} of ${scopeText(scope)} answer without a 5xx or 429 (shed) status over 30 days.`,
    },
    {
      id: `${scope}-latency`,
      priorityClass: scope,
      kind: "latency",
      objective: LATENCY_OBJECTIVE,
      thresholdS,
      window: "30d",
      description: `${percent(LATENCY_OBJECTIVE)} of ${scopeText(scope)} complete within ${thresholdS} s over 30 days.`,
    },
  ]);
}

/** All SLOs, in a stable order. */
export const SLOS: readonly Slo[] = Object.freeze(buildSlos());

/** Looks up an SLO by id; throws on an unknown id so typos fail loudly. */
export function sloById(id: string): Slo {
  const slo = SLOS.find((s) => s.id === id);
  if (!slo) throw new Error(`unknown SLO id "${id}"; known: ${SLOS.map((s) => s.id).join(", ")}`);
  return slo;
}
