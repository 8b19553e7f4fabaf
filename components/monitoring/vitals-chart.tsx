"use client";

import dynamic from "next/dynamic";
import { chartLoading } from "@/components/ui/chart-loading";

// recharts is large: it loads only on pages that draw a chart, after the page is interactive.
export const VitalsChart = dynamic(() => import("@/components/charts/vitals-bar-chart"), {
  ssr: false,
  loading: chartLoading(260),
});
