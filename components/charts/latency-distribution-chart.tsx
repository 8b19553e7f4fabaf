"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { LatencySummary } from "@/core/engines/loadgen/histogram";

export type Percentiles = Pick<LatencySummary, "p50" | "p90" | "p95" | "p99" | "p999" | "max">;

/** The run's latency percentile distribution (from its merged HDR histogram). */
export default function LatencyDistributionChart({ latency }: { latency: Percentiles }) {
  const data = [
    { q: "p50", ms: latency.p50 }, { q: "p90", ms: latency.p90 }, { q: "p95", ms: latency.p95 },
    { q: "p99", ms: latency.p99 }, { q: "p99.9", ms: latency.p999 }, { q: "max", ms: latency.max },
  ];
  return (
    <div className="chart-box chart-h-220" data-testid="latency-distribution-chart">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="q" tick={{ fontSize: 12 }} />
          <YAxis unit=" ms" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${v} ms`} />
          <Bar dataKey="ms" fill="#0b6bcb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
