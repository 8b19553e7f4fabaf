"use client";

import dynamic from "next/dynamic";

// recharts is large: it loads only on pages that draw a chart, after the page is interactive.
export const VitalsChart = dynamic(() => import("@/components/charts/vitals-bar-chart"), {
  ssr: false,
  loading: () => <div style={{ height: 260 }} className="muted">Loading chart…</div>,
});
