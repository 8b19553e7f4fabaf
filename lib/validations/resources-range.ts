import { z } from "zod";

/** Time range of the Resources page's charts (`?range=`), in seconds. */
export const RESOURCES_RANGES_S = { "15m": 900, "1h": 3600, "6h": 21600 } as const;
export const resourcesRangeSchema = z.enum(["15m", "1h", "6h"]).catch("1h");
export type ResourcesRange = z.infer<typeof resourcesRangeSchema>;

export function resourcesRange(param: string | string[] | undefined): ResourcesRange {
  return resourcesRangeSchema.parse(Array.isArray(param) ? param[0] : param);
}
