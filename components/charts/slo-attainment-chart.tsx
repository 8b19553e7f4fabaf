"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface AttainmentBar {
  slo: string;
  /** Percent of good requests over the period. */
  attainment: number;
  /** The objective, in percent. */
  objective: number;
}

/** Attainment beside the objective per SLO over a report period. Loaded with next/dynamic. */
export default function SloAttainmentChart({ data }: { data: AttainmentBar[] }) {
  // One point below the lowest value, so a bar at the floor (a 99 % objective) still shows.
  const low = Math.max(0, Math.floor(Math.min(...data.flatMap((d) => [d.attainment, d.objective]))) - 1);
  return (
    <div className="chart-box chart-h-280" data-testid="slo-attainment-chart">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="slo" interval={0} tick={{ fontSize: 10 }} />
          <YAxis domain={[low, 100]} unit="%" tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${Number(v).toFixed(4)} %`} />
          <Legend />
          <Bar dataKey="attainment" name="attained" fill="#0b6bcb" isAnimationActive={false} />
          <Bar dataKey="objective" name="objective" fill="#9a6700" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
