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
  resources: {
    title: "Resources",
    summary: "Rate limits and load shedding by clinical priority; emergency traffic is never shed.",
    items: [
      "Per-priority rate limits and current admission",
      "Shed and admitted request counts by priority class",
      "Connection pool allocation by priority",
    ],
  },
  monitoring: {
    title: "Monitoring",
    summary: "Service-level objectives, burn-rate alerts and links to Prometheus and Grafana.",
    items: [
      "SLO attainment and error budget per priority class",
      "Multi-window burn-rate alerts",
      "Console Core Web Vitals (LCP, INP, CLS, TTFB)",
    ],
  },
} as const;

export type PlannedPage = keyof typeof PLANNED_PAGES;
