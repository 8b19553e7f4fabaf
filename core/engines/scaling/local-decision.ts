import type { ScalingPolicy, Schedule } from "./policy";
import type { ForecastFloor } from "./live-forecast";

export type LocalMetrics = { rps: number; inFlight: number; p95Ms: number | null; cpuPercent: number | null };
export type RecommendationHistory = { t: number; r: number }[];

export type LocalDecision = {
  desired: number;
  /** The rule that set the result, in words (shown on the timeline). */
  rule: string;
  /** The metric values the decision used. */
  metrics: Record<string, number | null>;
  history: RecommendationHistory;
};

/** HPA's tolerance: within ±10% of the target nothing changes. */
export const LOCAL_TOLERANCE = 0.1;

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Day (0 = Monday) and minute of day at `now` in the policy's time zone. */
export function localTime(now: Date, timeZone: string): { day: number; minute: number } {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return { day: WEEKDAYS.indexOf(get("weekday")), minute: Number(get("hour")) * 60 + Number(get("minute")) };
}

export function activeSchedule(p: ScalingPolicy, now: Date): Schedule | null {
  const { day, minute } = localTime(now, p.timeZone);
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return p.schedules.filter((s) => s.days.includes(day) && minute >= toMin(s.start) && minute < toMin(s.end)).sort((a, b) => b.minReplicas - a.minReplicas)[0] ?? null;
}

/** The policy's target metric as a per-worker value (p95 latency is a service-wide value). */
function observed(p: ScalingPolicy, workers: number, m: LocalMetrics): number | null {
  switch (p.target.metric) {
    case "cpu": return m.cpuPercent;
    case "rps": return m.rps / workers;
    case "in-flight": return m.inFlight / workers;
    case "p95-latency": return m.p95Ms;
  }
}

/**
 * Vigil's decision for the local cluster: the HPA rule on the policy's target (ceil(current ×
 * metric / target), 10% tolerance), raised by the active schedule, multiplied by an active surge,
 * held by the scale-down stabilization window, clamped to the policy's bounds and the machine's.
 */
export function decideWorkers(
  p: ScalingPolicy,
  current: number,
  maxWorkers: number,
  m: LocalMetrics,
  now: Date,
  surgeFactor: number | null,
  history: RecommendationHistory,
  forecast: ForecastFloor | null = null,
): LocalDecision {
  const t = now.getTime() / 1000;
  const value = observed(p, current, m);
  const metrics = { workers: current, [p.target.metric]: value, target: p.target.value, rps: m.rps, inFlight: m.inFlight, p95Ms: m.p95Ms, cpuPercent: m.cpuPercent, ...(forecast ? { forecastRps: forecast.forecastRps, forecastFloor: forecast.floor } : {}) };
  let desired = current;
  let rule = value === null ? `no ${p.target.metric} measurement yet: hold` : `within ±10% of the ${p.target.metric} target: hold`;
  if (value !== null && Math.abs(value / p.target.value - 1) > LOCAL_TOLERANCE) {
    desired = Math.ceil((current * value) / p.target.value);
    rule = `reactive: ${p.target.metric} ${value.toFixed(1)} vs target ${p.target.value} → ceil(${current} × ${(value / p.target.value).toFixed(2)})`;
  }
  // Forecast-only: the forecast raises the reactive result ahead of demand, never lowers it.
  if (forecast?.floor != null && forecast.floor > desired) [desired, rule] = [forecast.floor, `predictive: ${forecast.note}`];
  const schedule = activeSchedule(p, now);
  if (schedule && schedule.minReplicas > desired) [desired, rule] = [schedule.minReplicas, `schedule ${schedule.name} (${p.timeZone}) floor ${schedule.minReplicas}`];
  if (p.minReplicas > desired) [desired, rule] = [p.minReplicas, `policy minimum ${p.minReplicas}`];
  if (surgeFactor) [desired, rule] = [Math.ceil(desired * surgeFactor), `emergency surge ×${surgeFactor} on ${rule}`];
  const window = p.behavior.scaleDown.stabilizationSeconds;
  const kept = [...history.filter((h) => h.t > t - window), { t, r: desired }];
  if (desired < current) {
    const held = Math.min(current, Math.max(...kept.map((h) => h.r)));
    if (held > desired) [desired, rule] = [held, `scale-down stabilization (${window} s) holds ${held}`];
  }
  const cap = Math.min(p.maxReplicas, maxWorkers);
  if (desired > cap) [desired, rule] = [cap, `${rule}; capped at ${cap} (${cap === maxWorkers ? "workers this machine allows" : "policy maximum"})`];
  return { desired, rule, metrics, history: kept };
}
