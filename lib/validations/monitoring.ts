import { z } from "zod";

/** `?traffic=all` counts load-test requests in SLOs and charts; anything else means real traffic only. */
export const trafficScopeSchema = z.enum(["real", "all"]).catch("real");
export type TrafficScope = z.infer<typeof trafficScopeSchema>;

export function trafficScope(param: string | string[] | undefined): TrafficScope {
  return trafficScopeSchema.parse(Array.isArray(param) ? param[0] : param);
}

/** Time range of the Monitoring charts (`?range=`), in seconds; the longest equals the per-route detail kept. */
export const MONITORING_RANGES_S = { "1h": 3600, "6h": 21600, "24h": 86400 } as const;
export const monitoringRangeSchema = z.enum(["1h", "6h", "24h"]).catch("1h");
export type MonitoringRange = z.infer<typeof monitoringRangeSchema>;

export function monitoringRange(param: string | string[] | undefined): MonitoringRange {
  return monitoringRangeSchema.parse(Array.isArray(param) ? param[0] : param);
}
