"use client";

import dynamic from "next/dynamic";
import type { CostBar } from "@/components/charts/cost-chart";

const Chart = dynamic(() => import("@/components/charts/cost-chart"), { ssr: false, loading: () => <div className="chart-box-short muted">Loading chart…</div> });

export function CostChart({ data }: { data: CostBar[] }) {
  return <Chart data={data} />;
}
