import { forecastFloor } from "../forecast/capacity-plan";
import { createBehavior, hpaRecommendation, HPA_DEFAULTS, type HpaConfig } from "./hpa";
import { scheduleFloor, type ScheduleWindow } from "./schedule-windows";
import type { Controller } from "./types";

/**
 * Hospital windows start on the hour but demand ramps in the minutes before (rounds prepare early):
 * hourly forecasts and schedules are applied this much ahead of their hour.
 */
export const PREWARM_SECONDS = 10 * 60;

export type VigilConfig = HpaConfig & {
  schedules: ScheduleWindow[];
  startHourOfWeek: number;
  /** Forecast demand (req/s) per hour from the trace start; null where there is no forecast. */
  forecastPerHour: (number | null)[];
  /** Seconds ahead the forecast is read: the measured start-up time plus one sync, so capacity is ready on time. */
  leadSeconds: number;
  /** Extra look-ahead so an hour that starts with a ramp is covered before the ramp (see PREWARM_SECONDS). */
  prewarmSeconds?: number;
  /** Seconds of demand averaged into the reactive metric (Vigil scrapes the service itself). */
  metricWindowSeconds?: number;
  /** Utilization the forecast floor plans for (default: the reactive target); see FORECAST_UTILIZATION. */
  forecastUtilization?: number;
  /** Active emergency surges: [from, until) in seconds since the trace start, each doubling the floor. */
  surges?: { from: number; until: number }[];
};

/**
 * Vigil's predictive policy: the reactive HPA recommendation, raised (never lowered) by the
 * forecast for the coming lead time, the schedules and any active surge. Scale-in happens only
 * when the reactive recommendation falls, through the same 300 s stabilization.
 */
export function createVigil(cfg: VigilConfig): Controller {
  const behave = createBehavior(cfg);
  const forecastAhead = (t: number): number | null => {
    const hours = [Math.floor(t / 3600), Math.floor((t + cfg.leadSeconds + (cfg.prewarmSeconds ?? PREWARM_SECONDS)) / 3600)];
    const values = hours.map((h) => cfg.forecastPerHour[h] ?? null).filter((v): v is number => v !== null);
    return values.length ? Math.max(...values) : null;
  };
  return {
    name: "Vigil (predictive + reactive floor)",
    syncSeconds: HPA_DEFAULTS.syncSeconds,
    metricWindowSeconds: cfg.metricWindowSeconds ?? HPA_DEFAULTS.metricWindowSeconds,
    decide(input) {
      const reactive = hpaRecommendation(cfg, input);
      const f = forecastAhead(input.t);
      const fromForecast = f === null ? 0 : forecastFloor(f, cfg.perReplicaCapacityRps, cfg.forecastUtilization ?? cfg.targetUtilization);
      const schedule = scheduleFloor(cfg.schedules, cfg.startHourOfWeek + (input.t + (cfg.prewarmSeconds ?? PREWARM_SECONDS)) / 3600);
      const surging = (cfg.surges ?? []).some((s) => input.t >= s.from && input.t < s.until);
      const floor = Math.max(fromForecast, schedule) * (surging ? 2 : 1);
      return behave(input.t, Math.max(reactive, floor), input.specReplicas);
    },
  };
}
