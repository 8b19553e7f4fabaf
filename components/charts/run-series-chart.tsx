"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import type { SeriesPoint } from "@/core/engines/loadgen/recorder";

export type { SeriesPoint };

/** Throughput and latency percentiles per second of a run. Loaded with next/dynamic. */
export default function RunSeriesChart({ series }: { series: SeriesPoint[] }) {
  return (
    <div className="chart-box chart-h-280" data-testid="run-series-chart">
      <ResponsiveContainer>
        <LineChart data={series} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="second" unit="s" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="rps" tick={{ fontSize: 12 }} label={{ value: "req/s", angle: -90, position: "insideLeft", fontSize: 11 }} />
          <YAxis yAxisId="ms" orientation="right" tick={{ fontSize: 12 }} label={{ value: "ms", angle: 90, position: "insideRight", fontSize: 11 }} />
          <Tooltip />
          <Legend />
          <Line yAxisId="rps" dataKey="requests" name="requests/s" stroke="#0b6bcb" dot={false} isAnimationActive={false} />
          <Line yAxisId="rps" dataKey="errors" name="errors/s" stroke="#c62828" dot={false} isAnimationActive={false} />
          <Line yAxisId="ms" dataKey="p95" name="p95 ms" stroke="#9a6700" dot={false} isAnimationActive={false} />
          <Line yAxisId="ms" dataKey="p99" name="p99 ms" stroke="#6f42c1" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
