"use client";

import dynamic from "next/dynamic";
import { chartLoading } from "@/components/ui/chart-loading";
import type { RunHistory } from "@/lib/services/baselines/run-history";

const RunHistoryChart = dynamic(() => import("@/components/charts/run-history-chart"), {
  ssr: false,
  loading: chartLoading(240),
});

/** The trend of this scenario on this target, with change points (Otava-style, window 50, p = 0.001). */
export function RunHistoryPanel({ history, runId }: { history: RunHistory; runId: string }) {
  const last = history.changePoints.at(-1);
  return (
    <section className="panel" data-testid="run-history">
      <h2>History: {history.scenario} on {history.target}</h2>
      {history.points.length < 2 ? (
        <p className="muted">One finished run so far; the trend appears from the second.</p>
      ) : (
        <>
          <RunHistoryChart history={history} currentRunId={runId} />
          <p className="muted" data-testid="change-points">
            {history.points.length} runs.{" "}
            {last
              ? `${history.changePoints.length} change point(s); the latest at run ${last.index + 1} moved p95 from ${last.before.toFixed(0)} ms to ${last.after.toFixed(0)} ms. The shaded segment since then is the effective baseline.`
              : "No change point: the whole history is one segment."}
          </p>
        </>
      )}
    </section>
  );
}
