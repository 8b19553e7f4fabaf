"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ForecastChartPoint = { hour: number; history?: number; forecast?: number; band?: [number, number] };

/** Recent hourly demand, then the forecast with its prediction interval. Loaded with next/dynamic. */
export default function ForecastChart({ points, level, testId }: { points: ForecastChartPoint[]; level: number; testId: string }) {
  return (
    <div className="chart-box chart-h-240" data-testid={testId}>
      <ResponsiveContainer>
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="hour" tick={{ fontSize: 12 }} unit="h" />
          <YAxis tick={{ fontSize: 12 }} unit=" r/s" width={70} />
          <Tooltip />
          <Legend />
          <Area dataKey="band" name={`${Math.round(level * 100)}% interval`} fill="#0b6bcb" fillOpacity={0.15} stroke="none" isAnimationActive={false} />
          <Line dataKey="history" name="measured" stroke="#333" dot={false} isAnimationActive={false} />
          <Line dataKey="forecast" name="forecast" stroke="#0b6bcb" strokeDasharray="4 2" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
