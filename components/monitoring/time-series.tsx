"use client";

import dynamic from "next/dynamic";

// recharts is large: it loads only on pages that draw a chart, after the page is interactive.
export const TimeSeries = dynamic(() => import("@/components/charts/time-series-chart"), {
  ssr: false,
  loading: () => <div style={{ height: 240 }} className="muted">Loading chart…</div>,
});
