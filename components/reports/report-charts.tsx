"use client";

import dynamic from "next/dynamic";
import { chartLoading } from "@/components/ui/chart-loading";

// recharts is large: it loads only on pages that draw a chart, after the page is interactive.
export const SloAttainmentChart = dynamic(() => import("@/components/charts/slo-attainment-chart"), { ssr: false, loading: chartLoading(280) });
export const DailyTrafficChart = dynamic(() => import("@/components/charts/daily-traffic-chart"), { ssr: false, loading: chartLoading(240) });
