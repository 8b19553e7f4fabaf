"use client";

import dynamic from "next/dynamic";
import type { ScanMix as Row } from "@/components/charts/scan-mix-chart";

const ScanMixChart = dynamic(() => import("@/components/charts/scan-mix-chart"), { ssr: false, loading: () => <div style={{ height: 260 }} className="muted">Loading chart…</div> });

export function ScanMix({ data }: { data: Row[] }) {
  return <ScanMixChart data={data} />;
}
