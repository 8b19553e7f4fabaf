"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ShareBar {
  label: string;
  /** Percent of all statements' total execution time. */
  share: number;
}

/** Each top statement's share of the database's total execution time. Loaded with next/dynamic. */
export default function QueryShareChart({ data }: { data: ShareBar[] }) {
  // The height grows with the number of bars (28 px each), so it is computed here, inline.
  return (
    <div className="chart-box" style={{ height: Math.max(160, data.length * 28 + 40) }} data-testid="query-share-chart">
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" unit="%" domain={[0, 100]} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => `${v}% of total time`} />
          <Bar dataKey="share" fill="#0b6bcb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
