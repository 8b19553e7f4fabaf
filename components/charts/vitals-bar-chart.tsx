"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface VitalsBar {
  route: string;
  p75: number;
}

/** p75 per route for one timing metric, with the "good" threshold drawn in. Loaded with next/dynamic. */
export default function VitalsBarChart({ data, goodThreshold, unit }: { data: VitalsBar[]; goodThreshold: number; unit: string }) {
  return (
    <div className="chart-box chart-h-260" data-testid="vitals-chart">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="route" tick={{ fontSize: 12 }} />
          <YAxis unit={unit} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `≤ ${v} ${unit}`} />
          <ReferenceLine y={goodThreshold} stroke="#1a7f37" strokeDasharray="4 4" label={{ value: "good", fontSize: 11 }} />
          <Bar dataKey="p75" fill="#0b6bcb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
