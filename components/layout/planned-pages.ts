/** What each not-yet-built page will hold; shown instead of any invented figure. */
export const PLANNED_PAGES = {
  database: {
    title: "Database",
    summary: "Optimise the clinical database with measured before/after evidence.",
    items: [
      "Slow-query analysis from pg_stat_statements",
      "Index advice, safe concurrent index creation and the measured effect",
      "Connection allocation by clinical priority",
    ],
  },
  scaling: {
    title: "Scaling",
    summary: "Set scaling policies for healthcare schedules and emergency surges, exported to Kubernetes.",
    items: [
      "Schedules for rounds and shift changes, emergency surge rules",
      "Forecasts from measured traffic history",
      "Kubernetes HorizontalPodAutoscaler export",
    ],
  },
  resources: {
    title: "Resources",
    summary: "Rate limits and load shedding by clinical priority; emergency traffic is never shed.",
    items: [
      "Per-priority rate limits and current admission",
      "Shed and admitted request counts by priority class",
      "Connection pool allocation by priority",
    ],
  },
} as const;

export type PlannedPage = keyof typeof PLANNED_PAGES;
