import { Histogram } from "prom-client";
import { consoleMetrics } from "./registry";

export const VITAL_NAMES = ["LCP", "INP", "CLS", "TTFB", "FCP"] as const;
export type VitalName = (typeof VITAL_NAMES)[number];

// Seconds, around the "good" thresholds (TTFB 0.8 s, INP 0.2 s, LCP 2.5 s).
const TIME_BUCKETS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 3, 4, 6, 10];
// Unitless layout-shift score, around the "good" threshold 0.1.
const CLS_BUCKETS = [0, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1];

const KEY = Symbol.for("vigil.webVitals");
type Holder = { [KEY]?: { time: Histogram<"metric" | "route">; cls: Histogram<"route"> } };

export function webVitalHistograms() {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const { registry } = consoleMetrics();
  holder[KEY] = {
    time: new Histogram({
      name: "vigil_console_web_vitals_seconds",
      help: "Core Web Vitals measured in users' browsers (LCP, INP, TTFB, FCP) by route template.",
      labelNames: ["metric", "route"] as const,
      buckets: TIME_BUCKETS,
      registers: [registry],
    }),
    cls: new Histogram({
      name: "vigil_console_web_vitals_cls",
      help: "Cumulative Layout Shift measured in users' browsers, by route template.",
      labelNames: ["route"] as const,
      buckets: CLS_BUCKETS,
      registers: [registry],
    }),
  };
  return holder[KEY];
}

export function recordWebVital(name: VitalName, value: number, route: string): void {
  const h = webVitalHistograms();
  if (name === "CLS") h.cls.observe({ route }, value);
  else h.time.observe({ metric: name, route }, value / 1000); // web-vitals reports milliseconds
}
