"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HitRatePoint } from "@/lib/services/caching/caching-state";
import { formatUtcClock } from "@/components/ui/timestamp";

const COLORS = ["#0b6bcb", "#9a6700", "#2e7d32", "#6f42c1", "#c62828"];

/** Cache hit rate per data class per scrape interval. Loaded with next/dynamic. */
export default function HitRateChart({ points, classes }: { points: HitRatePoint[]; classes: string[] }) {
  const data = points.map((p) => ({ ...p, t: formatUtcClock(p.at) }));
  return (
    <div className="chart-box chart-h-260" data-testid="hit-rate-chart">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          {classes.map((c, i) => <Line key={c} dataKey={c} stroke={COLORS[i % COLORS.length]} dot={false} connectNulls isAnimationActive={false} />)}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
