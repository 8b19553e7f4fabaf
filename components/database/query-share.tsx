"use client";

import dynamic from "next/dynamic";
import { chartLoading } from "@/components/ui/chart-loading";
import type { ShareBar } from "@/components/charts/query-share-chart";

const QueryShareChart = dynamic(() => import("@/components/charts/query-share-chart"), { ssr: false, loading: chartLoading(260) });

export function QueryShare({ data }: { data: ShareBar[] }) {
  return <QueryShareChart data={data} />;
}
