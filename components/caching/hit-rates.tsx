"use client";

import dynamic from "next/dynamic";
import { chartLoading } from "@/components/ui/chart-loading";
import type { HitRatePoint } from "@/lib/services/caching/caching-state";

const HitRateChart = dynamic(() => import("@/components/charts/hit-rate-chart"), { ssr: false, loading: chartLoading(260) });

export function HitRates({ points, classes }: { points: HitRatePoint[]; classes: string[] }) {
  if (points.length === 0 || classes.length === 0) return <p className="muted" data-testid="hit-rate-empty">No cache traffic scraped in the last hour yet (the console scrapes the clinical service every 15 s).</p>;
  return <HitRateChart points={points} classes={classes} />;
}
