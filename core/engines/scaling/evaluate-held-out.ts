import { mstlEts } from "../forecast/mstl";
import type { Forecaster } from "../forecast/types";
import { createHpa } from "./hpa";
import { createKeda } from "./keda";
import { DEFAULT_WINDOWS, type ScheduleWindow } from "./schedule-windows";
import { simulate } from "./simulate";
import { hourlyMeans } from "./synthetic-week";
import type { ClusterParams, DemandTrace, SimulationResult } from "./types";
import { createVigil, PREWARM_SECONDS } from "./vigil";

const MIN_PER_WEEK = 7 * 1440;

/**
 * Defaults for the comparison. Every policy reacts at the same target utilization (70%, a common
 * HPA CPU target). Vigil's forecast floor plans at 85%: chosen on a validation run (seed 7, fit on
 * two weeks, scored on the third), never on the week it is evaluated on; the reactive 70% still
 * adds headroom once demand arrives. In the comparison Vigil's floors come from the forecast, not
 * from fixed schedules (KEDA's cron triggers carry the schedules, learnt at p95 of the training weeks).
 */
export const HELD_OUT_DEFAULTS = { targetUtilization: 0.7, forecastUtilization: 0.85, schedulePercentile: 0.95, vigilSchedules: false } as const;

export type HeldOutOptions = { targetUtilization?: number; forecaster?: Forecaster; vigilSchedules?: boolean; vigilMetricWindowSeconds?: number; forecastUtilization?: number };

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

/** Schedule floors learnt from the training weeks: p95 demand inside each window ÷ (capacity × target). */
export function learnSchedules(training: number[], params: ClusterParams, target: number): ScheduleWindow[] {
  return DEFAULT_WINDOWS.map((w) => {
    const inside = training.filter((_, i) => {
      const minuteOfWeek = i % MIN_PER_WEEK;
      const day = Math.floor(minuteOfWeek / 1440);
      const hour = (minuteOfWeek % 1440) / 60;
      return (w.days as readonly number[]).includes(day) && hour >= w.startHour && hour < w.endHour;
    });
    const p = percentile(inside, HELD_OUT_DEFAULTS.schedulePercentile);
    return { name: w.name, days: [...w.days], startHour: w.startHour, endHour: w.endHour, minReplicas: Math.ceil(p / (params.perReplicaCapacityRps * target)) };
  });
}

/** Rolling daily refit: each held-out day is forecast from everything before it (never from itself). */
async function rollingForecast(hourly: number[], heldOutStartHour: number, f: Forecaster): Promise<number[]> {
  const out: number[] = [];
  for (let day = 0; day < 7; day++) {
    const origin = heldOutStartHour + day * 24;
    const fc = await f.forecast({ values: hourly.slice(0, origin), startHourOfWeek: 0 }, 24, 0.95);
    out.push(...fc.point);
  }
  return out;
}

export type HeldOutReport = {
  trainingWeeks: number;
  heldOut: DemandTrace;
  forecaster: Forecaster["name"];
  schedules: ScheduleWindow[];
  results: SimulationResult[];
  /** Vigil vs HPA: share of HPA's under-provisioned minutes removed, and replica-hours ratio. */
  goal: { underReduction: number; replicaHoursRatio: number; met: boolean };
};

/** Fit on every week but the last, replay the last week against HPA, KEDA and Vigil. */
export async function evaluateHeldOut(trace: DemandTrace, params: ClusterParams, opts: HeldOutOptions = {}): Promise<HeldOutReport> {
  const weeks = Math.floor(trace.perMinute.length / MIN_PER_WEEK);
  if (weeks < 3) throw new Error(`need at least 3 weeks (2 to fit, 1 held out), got ${weeks}`);
  const target = opts.targetUtilization ?? HELD_OUT_DEFAULTS.targetUtilization;
  const forecaster = opts.forecaster ?? mstlEts;
  const split = (weeks - 1) * MIN_PER_WEEK;
  const training = trace.perMinute.slice(0, split);
  const heldOut: DemandTrace = { ...trace, perMinute: trace.perMinute.slice(split, weeks * MIN_PER_WEEK), surgeStarts: trace.surgeStarts.filter((s) => s >= split).map((s) => s - split) };
  const schedules = learnSchedules(training, params, target);
  const forecastPerHour = await rollingForecast(hourlyMeans(trace.perMinute), split / 60, forecaster);
  const start = Math.max(params.minReplicas, Math.ceil(heldOut.perMinute[0]! / (params.perReplicaCapacityRps * target)));
  const base = { minReplicas: params.minReplicas, maxReplicas: params.maxReplicas, perReplicaCapacityRps: params.perReplicaCapacityRps, targetUtilization: target };
  const controllers = [
    createHpa(base),
    createKeda({ ...base, thresholdRpsPerReplica: params.perReplicaCapacityRps * target, cron: schedules, fallbackReplicas: params.maxReplicas, startHourOfWeek: trace.startHourOfWeek, prewarmSeconds: PREWARM_SECONDS }),
    createVigil({ ...base, forecastUtilization: opts.forecastUtilization ?? HELD_OUT_DEFAULTS.forecastUtilization, metricWindowSeconds: opts.vigilMetricWindowSeconds, schedules: (opts.vigilSchedules ?? HELD_OUT_DEFAULTS.vigilSchedules) ? schedules : [], startHourOfWeek: trace.startHourOfWeek, forecastPerHour, leadSeconds: params.startupSeconds + 15 }),
  ];
  const results = controllers.map((c) => simulate(heldOut, c, params, start));
  const [hpa, , vigil] = results as [SimulationResult, SimulationResult, SimulationResult];
  const underReduction = hpa.underProvisionedMinutes === 0 ? 0 : 1 - vigil.underProvisionedMinutes / hpa.underProvisionedMinutes;
  const replicaHoursRatio = vigil.replicaHours / hpa.replicaHours;
  return { trainingWeeks: weeks - 1, heldOut, forecaster: forecaster.name, schedules, results, goal: { underReduction, replicaHoursRatio, met: underReduction >= 0.5 && replicaHoursRatio <= 1.05 } };
}
