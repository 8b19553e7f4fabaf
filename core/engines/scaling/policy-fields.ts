/**
 * The parts of a scaling policy the browser's form needs, kept free of zod so the Scaling
 * page's first-load JavaScript stays within budget (the schemas live in policy.ts).
 */
/** Target metrics and their units, with the range a target may take. */
export const TARGET_METRICS = {
  cpu: { unit: "% of requested CPU", max: 100 },
  "p95-latency": { unit: "ms", max: 60_000 },
  "in-flight": { unit: "requests in flight per replica", max: 10_000 },
  rps: { unit: "req/s per replica", max: 1_000_000 },
} as const;

export const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export function formatDays(days: number[]): string {
  if (days.length === 7) return "daily";
  return days.map((d) => DAY_NAMES[d]).join(",");
}

/** How many schedule rows the form offers (filled rows plus blank ones for new windows). */
export const SCHEDULE_FORM_ROWS = 4;
