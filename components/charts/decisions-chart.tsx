"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUtcClock } from "@/components/ui/timestamp";

export type DecisionPoint = { at: string; workers: number; rps: number | null };

/** Worker count after each scaler decision, over time. Loaded with next/dynamic. */
export default function DecisionsChart({ points }: { points: DecisionPoint[] }) {
  const data = points.map((p) => ({ ...p, t: formatUtcClock(p.at) }));
  return (
    <div className="chart-box chart-h-200" data-testid="decisions-chart">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="w" allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <YAxis yAxisId="r" orientation="right" tick={{ fontSize: 12 }} unit=" r/s" width={70} />
          <Tooltip />
          <Line yAxisId="w" dataKey="workers" name="workers" stroke="#0b6bcb" type="stepAfter" dot isAnimationActive={false} />
          <Line yAxisId="r" dataKey="rps" name="req/s measured" stroke="#9a6700" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
