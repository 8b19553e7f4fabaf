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
} as const;

export type PlannedPage = keyof typeof PLANNED_PAGES;
