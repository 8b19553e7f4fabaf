"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface CostBar {
  label: string;
  /** Estimated USD per 1,000 requests. */
  per1k: number;
}

/** Estimated cost per 1,000 requests per admission class. Loaded with next/dynamic. */
export default function CostChart({ data }: { data: CostBar[] }) {
  return (
    <div className="chart-box-short" data-testid="cost-chart">
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" unit=" $" tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => `${Number(v).toFixed(6)} USD per 1,000 requests (estimate)`} />
          <Bar dataKey="per1k" fill="#0b6bcb" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
