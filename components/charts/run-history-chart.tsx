"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RunHistory } from "@/lib/services/baselines/run-history";

/** p95 of each run of a scenario on a target; change points marked, the current segment shaded. Loaded with next/dynamic. */
export default function RunHistoryChart({ history, currentRunId }: { history: RunHistory; currentRunId: string }) {
  const data = history.points.map((p, i) => ({ i: i + 1, p95: p.p95, current: p.runId === currentRunId ? p.p95 : null }));
  return (
    <div className="chart-box chart-h-240" data-testid="run-history-chart">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="i" tick={{ fontSize: 12 }} label={{ value: "run", position: "insideBottomRight", fontSize: 11 }} />
          <YAxis tick={{ fontSize: 12 }} unit=" ms" />
          <Tooltip />
          {data.length > 1 && <ReferenceArea x1={history.effectiveStart + 1} x2={data.length} fill="#0b6bcb" fillOpacity={0.06} />}
          {history.changePoints.map((c) => (
            <ReferenceLine key={c.runId} x={c.index + 1} stroke="#c62828" strokeDasharray="4 2" label={{ value: "change", fontSize: 11, fill: "#c62828" }} />
          ))}
          <Line dataKey="p95" name="p95 ms" stroke="#9a6700" isAnimationActive={false} />
          <Line dataKey="current" name="this run" stroke="#0b6bcb" strokeWidth={0} dot={{ r: 5 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
