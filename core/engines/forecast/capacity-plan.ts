/**
 * Forecast-only mode (as AWS predictive scaling): a forecast may raise the replica floor ahead of
 * time, never lower it. The replicas needed for the forecast `leadMinutes` from now (the measured
 * start-up time, so new workers are ready when the demand arrives) at the target utilization.
 */
export function forecastFloor(forecastAtLead: number, perReplicaCapacity: number, targetUtilization: number): number {
  if (perReplicaCapacity <= 0 || targetUtilization <= 0) throw new Error("capacity and target utilization must be positive");
  return Math.ceil(forecastAtLead / (perReplicaCapacity * targetUtilization));
}

/** The reactive decision stays in charge; the forecast only adds: max(reactive, forecast floor). */
export function withForecast(reactiveDesired: number, floorFromForecast: number | null): { desired: number; raisedByForecast: boolean } {
  if (floorFromForecast === null || floorFromForecast <= reactiveDesired) return { desired: reactiveDesired, raisedByForecast: false };
  return { desired: floorFromForecast, raisedByForecast: true };
}
