"use client";

import dynamic from "next/dynamic";
import { useActionState, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import type { FormAction } from "@/components/ui/form-action";
import { Card } from "@/components/ui/card";
import { chartLoading } from "@/components/ui/chart-loading";
import type { RunView } from "@/lib/services/load-tests/get-run";
import { RunSummaryView } from "./run-summary";

const RunSeriesChart = dynamic(() => import("@/components/charts/run-series-chart"), {
  ssr: false,
  loading: chartLoading(280),
});

const LatencyDistributionChart = dynamic(() => import("@/components/charts/latency-distribution-chart"), {
  ssr: false,
  loading: chartLoading(220),
});

const POLL_MS = 1000;

function Live({ initial, canAbort, abortAction }: { initial: RunView; canAbort: boolean; abortAction: FormAction }) {
  const { data: run = initial } = useQuery({
    queryKey: ["run", initial.id],
    queryFn: async () => (await fetch(`/api/runs/${initial.id}`, { cache: "no-store" })).json() as Promise<RunView>,
    initialData: initial,
    refetchInterval: (q) => (q.state.data?.status === "running" ? POLL_MS : false),
  });
  const [abortState, abort, aborting] = useActionState(abortAction, null);
  // When a live run finishes, re-render the server parts (baseline verdict, history) once.
  const router = useRouter();
  const wasRunning = useRef(initial.status === "running");
  useEffect(() => {
    if (wasRunning.current && run.status !== "running") {
      wasRunning.current = false;
      router.refresh();
    }
  }, [run.status, router]);
  const series = (run.summary?.series as import("@/components/charts/run-series-chart").SeriesPoint[] | undefined) ?? [];
  const latency = run.summary?.latencyMs as import("@/components/charts/latency-distribution-chart").Percentiles | undefined;
  return (
    <>
      <section className="panel">
        <p>
          Status <span className="badge" data-testid="run-status">{run.status}</span>{" "}
          {run.live && <span className="muted" data-testid="run-live">live, updating every second</span>}
        </p>
        {run.status === "running" && canAbort && (
          <form action={abort}>
            <input type="hidden" name="runId" value={run.id} />
            <OnlineSubmit className="secondary" disabled={aborting} data-testid="run-abort">Stop run</OnlineSubmit>
            {abortState && !abortState.ok && <span className="error"> {abortState.message}</span>}
          </form>
        )}
        <p>
          <a href={`/api/runs/${run.id}?format=json`} data-testid="download-json">Download JSON</a> ·{" "}
          <a href={`/api/runs/${run.id}?format=csv`} data-testid="download-csv">Download CSV (1-second series)</a>
        </p>
      </section>
      {series.length > 0 && (
        <Card title="Per second">
          <RunSeriesChart series={series} />
        </Card>
      )}
      {latency && latency.max > 0 && (
        <Card title="Latency distribution">
          <LatencyDistributionChart latency={latency} />
        </Card>
      )}
      <RunSummaryView summary={run.summary} />
    </>
  );
}

export function RunLive(props: { initial: RunView; canAbort: boolean; abortAction: FormAction }) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Live {...props} />
    </QueryClientProvider>
  );
}
