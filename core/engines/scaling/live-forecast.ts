/**
 * The forecast in the live scaler, in forecast-only mode (as AWS predictive scaling): the demand
 * forecast for the moment new workers would be ready (now + measured start-up time) becomes a
 * worker floor that may raise the reactive decision, never lower it. Pure.
 */
import { forecastFloor } from "../forecast/capacity-plan";
import type { ScalingPolicy } from "./policy";

const HOUR_MS = 3_600_000;

/** The forecast point (req/s) for the hour containing `atMs`, or null outside the horizon. */
export function forecastAt(forecast: { startMs: number; point: number[] }, atMs: number): number | null {
  const i = Math.floor((atMs - forecast.startMs) / HOUR_MS);
  return i >= 0 && i < forecast.point.length ? forecast.point[i]! : null;
}

export interface ForecastFloor {
  /** Workers the forecast asks for (null: the forecast does not apply; `note` says why). */
  floor: number | null;
  forecastRps: number | null;
  note: string;
}

/**
 * Workers needed for the forecast rate: with a req/s target, the target is each worker's share;
 * otherwise the measured per-worker capacity at `utilization`. Without a measured capacity a
 * non-req/s policy gets no floor: capacity is not guessed.
 */
export function liveForecastFloor(
  policy: ScalingPolicy,
  forecastRps: number | null,
  capacity: { rps: number; measured: boolean } | null,
  utilization: number,
  leadSeconds: number,
): ForecastFloor {
  if (!policy.forecast.enabled) return { floor: null, forecastRps, note: "forecast off in the policy" };
  if (forecastRps === null) return { floor: null, forecastRps, note: "no forecast for the next hour (too little history, or past its horizon)" };
  if (policy.target.metric === "rps") {
    const floor = forecastFloor(forecastRps, policy.target.value, 1);
    return { floor, forecastRps, note: `forecast ${forecastRps.toFixed(1)} req/s in ${Math.round(leadSeconds)} s at ${policy.target.value} req/s per worker → ${floor}` };
  }
  if (!capacity?.measured || capacity.rps <= 0) return { floor: null, forecastRps, note: "forecast not applied: per-worker capacity not measured (npm run bench:scaling)" };
  const floor = forecastFloor(forecastRps, capacity.rps, utilization);
  return { floor, forecastRps, note: `forecast ${forecastRps.toFixed(1)} req/s in ${Math.round(leadSeconds)} s at ${capacity.rps.toFixed(1)} req/s per worker × ${utilization} → ${floor}` };
}
