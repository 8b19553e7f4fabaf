import { counterIncrease, countersFor, type ClinicalCounters } from "@/core/metrics/clinical-counters";
import { errorBudget } from "@/core/engines/slo/burn-rate";
import { leLabel } from "@/core/engines/slo/promql";
import { SLOS, type Slo } from "@/core/engines/slo/definitions";

/** One stored scrape: when, and the cumulative per-class counters it saw. */
export interface ScrapeSample {
  at: number;
  classes: ClinicalCounters;
}

export interface SloPeriodRow {
  sloId: string;
  priorityClass: string;
  kind: Slo["kind"];
  objective: number;
  /** Requests counted over the period; 0 = no traffic measured, and the figures below are null. */
  total: number;
  bad: number;
  attainment: number | null;
  /** Share of the period's error budget left (1 = untouched, negative = overspent); null without traffic. */
  budgetRemaining: number | null;
}

export interface DailyTraffic {
  day: string;
  total: number;
  bad: number;
}

function badOf(slo: Slo, counters: ReturnType<typeof countersFor>[]): number {
  const total = counterIncrease(counters.map((c) => c.total));
  if (slo.kind === "availability") return counterIncrease(counters.map((c) => c.bad));
  return total - counterIncrease(counters.map((c) => c.le[leLabel(slo.thresholdS!)] ?? 0));
}

/**
 * Attainment and error budget per SLO over a period, from the console's scrapes: counter
 * increases between consecutive samples (the first sample is the baseline, so pass the one just
 * before the period too). Fewer than two samples: nothing was measured, and every row says so.
 */
export function sloPeriodRows(samples: ScrapeSample[]): SloPeriodRow[] {
  return SLOS.map((slo) => {
    const counters = samples.map((s) => countersFor(s.classes, slo.priorityClass));
    const total = samples.length < 2 ? 0 : counterIncrease(counters.map((c) => c.total));
    const bad = total > 0 ? Math.min(total, Math.max(0, badOf(slo, counters))) : 0;
    const budget = total > 0 ? errorBudget(slo.objective, total - bad, total) : null;
    return {
      sloId: slo.id, priorityClass: slo.priorityClass, kind: slo.kind, objective: slo.objective, total, bad,
      attainment: total > 0 ? (total - bad) / total : null,
      budgetRemaining: budget ? budget.remainingShare : null,
    };
  });
}

/** Requests and 5xx/429 answers (all classes) per UTC day, attributed to the day of the later sample. */
export function dailyTraffic(samples: ScrapeSample[]): DailyTraffic[] {
  const days = new Map<string, DailyTraffic>();
  for (let i = 1; i < samples.length; i++) {
    const pair = [samples[i - 1]!, samples[i]!].map((s) => countersFor(s.classes, "all"));
    const day = new Date(samples[i]!.at).toISOString().slice(0, 10);
    const d = days.get(day) ?? { day, total: 0, bad: 0 };
    d.total += counterIncrease(pair.map((c) => c.total));
    d.bad += counterIncrease(pair.map((c) => c.bad));
    days.set(day, d);
  }
  return [...days.values()];
}
