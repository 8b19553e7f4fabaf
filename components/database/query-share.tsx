"use client";

import dynamic from "next/dynamic";
import type { ShareBar } from "@/components/charts/query-share-chart";

const QueryShareChart = dynamic(() => import("@/components/charts/query-share-chart"), { ssr: false, loading: () => <div style={{ height: 260 }} className="muted">Loading chart…</div> });

export function QueryShare({ data }: { data: ShareBar[] }) {
  return <QueryShareChart data={data} />;
}
