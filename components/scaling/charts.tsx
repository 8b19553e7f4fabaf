"use client";

import dynamic from "next/dynamic";
import { chartLoading } from "@/components/ui/chart-loading";

/** recharts stays out of the first load: every chart is fetched after the page renders. */
export const ForecastChart = dynamic(() => import("@/components/charts/forecast-chart"), { ssr: false, loading: chartLoading(240) });
export const CapacityChart = dynamic(() => import("@/components/charts/capacity-chart"), { ssr: false, loading: chartLoading(320) });
export const DecisionsChart = dynamic(() => import("@/components/charts/decisions-chart"), { ssr: false, loading: chartLoading(200) });
