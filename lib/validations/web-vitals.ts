import { z } from "zod";
import { VITAL_NAMES } from "../metrics/web-vitals";

export const webVitalSchema = z.object({
  name: z.enum(VITAL_NAMES),
  // Milliseconds (CLS: a unitless score); a minute bounds any real page.
  value: z.number().finite().min(0).max(60_000),
  path: z.string().startsWith("/").max(512),
});
