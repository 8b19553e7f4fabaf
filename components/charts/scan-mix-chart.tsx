"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ScanMix {
  table: string;
  sequential: number;
  index: number;
}

/** Sequential against index scans per table (log scale: they differ by orders). Loaded with next/dynamic. */
export default function ScanMixChart({ data }: { data: ScanMix[] }) {
  const plotted = data.map((d) => ({ ...d, sequential: d.sequential || null, index: d.index || null }));
  return (
    <div className="chart-box chart-h-260" data-testid="scan-mix-chart">
      <ResponsiveContainer>
        <BarChart data={plotted} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="table" tick={{ fontSize: 12 }} />
          <YAxis scale="log" domain={[1, "auto"]} allowDataOverflow tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="sequential" name="sequential scans" fill="#c62828" isAnimationActive={false} />
          <Bar dataKey="index" name="index scans" fill="#2e7d32" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
