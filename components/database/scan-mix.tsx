"use client";

import dynamic from "next/dynamic";
import { chartLoading } from "@/components/ui/chart-loading";
import type { ScanMix as Row } from "@/components/charts/scan-mix-chart";

const ScanMixChart = dynamic(() => import("@/components/charts/scan-mix-chart"), { ssr: false, loading: chartLoading(260) });

export function ScanMix({ data }: { data: Row[] }) {
  return <ScanMixChart data={data} />;
}
