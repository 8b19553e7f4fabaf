import "server-only";
import { env } from "../../env";
import { HELD_OUT_DEFAULTS } from "@/core/engines/scaling/evaluate-held-out";
import { forecastAt, liveForecastFloor, type ForecastFloor } from "@/core/engines/scaling/live-forecast";
import { DEFAULT_CLUSTER_PARAMS } from "@/core/engines/scaling/simulation-params";
import type { ScalingPolicy } from "@/core/engines/scaling/policy";
import { recordedDemandForecast } from "./demand-forecasts";
import { measuredParams } from "./measured-params";

const HOUR_MS = 3_600_000;
let cached: { hour: number; forecast: Promise<{ startMs: number; point: number[] } | null> } | null = null;

/** The recorded-demand forecast, fitted once per hour (the scaler ticks every few seconds). */
function hourlyForecast(now: Date) {
  const hour = Math.floor(now.getTime() / HOUR_MS);
  if (cached?.hour !== hour) {
    const forecast = recordedDemandForecast(now).then((f) => (f.result.kind === "forecast" && f.forecastStartMs !== null ? { startMs: f.forecastStartMs, point: f.result.forecast.point } : null));
    forecast.catch(() => (cached = null));
    cached = { hour, forecast };
  }
  return cached.forecast;
}

/**
 * The forecast's worker floor for this scaler tick: demand at now + lead time (measured start-up
 * plus one scaler interval, or the stated default start-up when not measured).
 */
export async function liveForecast(policy: ScalingPolicy, now = new Date()): Promise<ForecastFloor> {
  if (!policy.forecast.enabled) return liveForecastFloor(policy, null, null, HELD_OUT_DEFAULTS.forecastUtilization, 0);
  const measured = measuredParams();
  const leadSeconds = (measured?.params.startupSeconds ?? DEFAULT_CLUSTER_PARAMS.startupSeconds) + env().VIGIL_SCALER_INTERVAL_S;
  const forecast = await hourlyForecast(now).catch(() => null);
  const rps = forecast ? forecastAt(forecast, now.getTime() + leadSeconds * 1000) : null;
  const capacity = measured ? { rps: measured.params.perReplicaCapacityRps, measured: true } : null;
  return liveForecastFloor(policy, rps, capacity, HELD_OUT_DEFAULTS.forecastUtilization, leadSeconds);
}
