/** What each not-yet-built page will hold; shown instead of any invented figure. */
export const PLANNED_PAGES = {
  scaling: {
    title: "Scaling",
    summary: "Set scaling policies for healthcare schedules and emergency surges, exported to Kubernetes.",
    items: [
      "Schedules for rounds and shift changes, emergency surge rules",
      "Forecasts from measured traffic history",
      "Kubernetes HorizontalPodAutoscaler export",
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
