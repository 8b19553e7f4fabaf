import type { Slo } from "../slo/definitions";
import { burnRate } from "../slo/burn-rate";
import { leLabel } from "../slo/promql";
import type { Counts } from "./traffic-series";

export interface BurnPoint {
  at: number;
  /** SLO id → burn rate over that step (error ratio / (1 − objective)); null without requests. */
  bySlo: Record<string, number | null>;
}

function scoped(counts: Record<string, Counts>, scope: string): Counts {
  if (scope !== "all") return counts[scope] ?? { total: 0, bad: 0, le: {} };
  const sum: Counts = { total: 0, bad: 0, le: {} };
  for (const c of Object.values(counts)) {
    sum.total += c.total;
    sum.bad += c.bad;
    for (const [b, n] of Object.entries(c.le)) sum.le[b] = (sum.le[b] ?? 0) + n;
  }
  return sum;
}

/** Error ratio of one SLO over one step's per-class counts (same definition as the PromQL rules). */
export function stepErrorRatio(slo: Pick<Slo, "priorityClass" | "kind" | "thresholdS">, counts: Record<string, Counts>): number | null {
  const c = scoped(counts, slo.priorityClass);
  if (c.total <= 0) return null;
  const bad = slo.kind === "availability" ? c.bad : c.total - (c.le[leLabel(slo.thresholdS!)] ?? 0);
  return Math.min(1, Math.max(0, bad / c.total));
}

/** Burn rate per SLO per step: 1 spends a 30-day budget exactly in 30 days; 14.4 over 1 h pages. */
export function burnSeries(bins: Array<{ at: number; counts: Record<string, Counts> }>, slos: readonly Slo[]): BurnPoint[] {
  return bins.map(({ at, counts }) => ({
    at,
    bySlo: Object.fromEntries(slos.map((slo) => {
      const ratio = stepErrorRatio(slo, counts);
      return [slo.id, ratio === null ? null : burnRate(ratio, slo.objective)];
    })),
  }));
}
