"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#c62828", "#9a6700", "#0b6bcb"];
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Demand vs each policy's ready capacity over the simulated week (10-minute buckets). Loaded with next/dynamic. */
export default function CapacityChart({ points, policies }: { points: Record<string, number>[]; policies: string[] }) {
  const tick = (m: number) => `${DAYS[Math.floor(m / 1440)]} ${String(Math.floor((m % 1440) / 60)).padStart(2, "0")}h`;
  return (
    <div className="chart-box chart-h-320" data-testid="capacity-chart">
      <ResponsiveContainer>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="minute" tickFormatter={tick} tick={{ fontSize: 11 }} interval={71} />
          <YAxis tick={{ fontSize: 12 }} unit=" r/s" width={70} />
          <Tooltip labelFormatter={(m) => tick(Number(m))} />
          <Legend />
          <Line dataKey="demand" name="demand (synthetic)" stroke="#333" dot={false} isAnimationActive={false} />
          {policies.map((p, i) => <Line key={p} dataKey={p} name={`${p} capacity`} stroke={COLORS[i % COLORS.length]} dot={false} type="stepAfter" isAnimationActive={false} />)}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
