"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const COLORS = ["#0b6bcb", "#c62828", "#2e7d32", "#9a6700", "#6f42c1", "#00838f", "#5d4037"];

export interface TimeSeriesChartProps {
  /** One row per step: `t` (a label) and one value per key (null: no requests in that step). */
  rows: Array<Record<string, string | number | null>>;
  keys: string[];
  unit: string;
  testId: string;
  /** A horizontal guide, e.g. burn rate 1 (budget spent exactly over 30 days). */
  reference?: { y: number; label: string };
}

/** Lines over time, one per key. Loaded with next/dynamic (recharts stays out of the first load). */
export default function TimeSeriesChart({ rows, keys, unit, testId, reference }: TimeSeriesChartProps) {
  return (
    <div className="chart-box chart-h-240" data-testid={testId}>
      <ResponsiveContainer>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis unit={unit} tick={{ fontSize: 12 }} width={72} />
          <Tooltip />
          <Legend />
          {reference && <ReferenceLine y={reference.y} stroke="#888" strokeDasharray="4 4" label={{ value: reference.label, fontSize: 11, position: "insideTopRight" }} />}
          {keys.map((k, i) => <Line key={k} dataKey={k} stroke={COLORS[i % COLORS.length]} dot={false} connectNulls={false} isAnimationActive={false} />)}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
