"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface DailyBar {
  day: string;
  total: number;
  bad: number;
}

/** Requests and failed answers (5xx, 429) per UTC day of a report period. Loaded with next/dynamic. */
export default function DailyTrafficChart({ data }: { data: DailyBar[] }) {
  return (
    <div className="chart-box chart-h-240" data-testid="daily-traffic-chart">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="total" name="requests" fill="#0b6bcb" isAnimationActive={false} />
          <Bar dataKey="bad" name="failed (5xx/429)" fill="#c62828" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
