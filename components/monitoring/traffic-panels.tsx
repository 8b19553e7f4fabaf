import type { TrafficHistory } from "@/lib/services/monitoring/traffic-types";
import { SLOS } from "@/core/engines/slo/definitions";
import { Card } from "@/components/ui/card";
import { ChartFigure } from "@/components/ui/chart-figure";
import { EmptyState } from "@/components/ui/empty-state";
import { TimeSeries } from "./time-series";
import { StatsTable } from "./stats-table";
import { burnRows, keyRows, metricRows, UNIT, type Metric } from "./series-rows";

const CLASS_CHARTS: Array<{ metric: Metric; title: string }> = [
  { metric: "rps", title: "Throughput (requests per second)" },
  { metric: "errorRatio", title: "Errors (5xx and 429 share)" },
  { metric: "p50", title: "Latency p50" },
  { metric: "p95", title: "Latency p95" },
  { metric: "p99", title: "Latency p99" },
];

function Chart({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return <ChartFigure title={title} testId={`${testId}-figure`}>{children}</ChartFigure>;
}

/** Per-class charts, SLO burn-rate charts and per-route figures of the clinical service over the range. */
export function TrafficPanels({ history, routeHref, route }: { history: TrafficHistory; routeHref: (route: string) => string; route: string | null }) {
  const { byClass, byRoute, burn, stepS } = history;
  const burnOf = (kind: "availability" | "latency") => {
    const slos = SLOS.filter((s) => s.kind === kind);
    return { rows: burnRows(burn, slos.map((s) => s.id), (id) => SLOS.find((s) => s.id === id)!.priorityClass), keys: slos.map((s) => s.priorityClass) };
  };
  if (history.error) return <Card title="Clinical service"><p className="notice" data-testid="traffic-error">{history.error}</p></Card>;
  return (
    <>
      <Card title="By priority class" testId="class-panel">
        {byClass.keys.length === 0 ? (
          <EmptyState testId="traffic-empty">No requests reached the clinical service in this range (or nothing was scraped yet).</EmptyState>
        ) : (
          <>
            <StatsTable keyHeader="Priority class" keys={byClass.keys} totals={byClass.totals} testId="class-table" />
            <div className="grid">
              {CLASS_CHARTS.map(({ metric, title }) => (
                <Chart key={metric} title={title} testId={`chart-${metric}`}>
                  <TimeSeries rows={metricRows(byClass.points, byClass.keys, metric)} keys={byClass.keys} unit={UNIT[metric]} testId={`chart-${metric}`} />
                </Chart>
              ))}
            </div>
          </>
        )}
      </Card>
      <Card title="SLO burn rates" testId="burn-panel">
        <p className="muted">
          Error ratio of each {stepS} s step divided by the SLO&apos;s error budget (1 − objective): 1 spends the 30-day budget exactly in 30 days;
          the page alerts need 14.4 over 1 h and 6 over 6 h. Same definitions as the exported recording rules.
        </p>
        <div className="grid">
          {(["availability", "latency"] as const).map((kind) => {
            const { rows, keys } = burnOf(kind);
            return (
              <Chart key={kind} title={`Burn rate, ${kind} SLOs`} testId={`chart-burn-${kind}`}>
                <TimeSeries rows={rows} keys={keys} unit="×" testId={`chart-burn-${kind}`} reference={{ y: 1, label: "budget pace" }} />
              </Chart>
            );
          })}
        </div>
      </Card>
      <Card title="By route" testId="route-panel">
        {byRoute.keys.length === 0 ? (
          <EmptyState testId="routes-empty">No per-route figures in this range.</EmptyState>
        ) : (
          <>
            <p className="muted">Route templates as the service matched them (never raw URLs). Choose a route for its charts.</p>
            <StatsTable keyHeader="Route" keys={byRoute.keys} totals={byRoute.totals} testId="route-table" linkFor={routeHref} />
          </>
        )}
        {route && byRoute.keys.includes(route) && (
          <div className="grid" data-testid="route-charts">
            <Chart title={`${route}: throughput`} testId="route-chart-rps">
              <TimeSeries rows={keyRows(byRoute.points, route, ["rps"])} keys={["rps"]} unit="/s" testId="route-chart-rps" />
            </Chart>
            <Chart title={`${route}: latency p50 / p95 / p99`} testId="route-chart-latency">
              <TimeSeries rows={keyRows(byRoute.points, route, ["p50", "p95", "p99"])} keys={["p50", "p95", "p99"]} unit=" ms" testId="route-chart-latency" />
            </Chart>
            <Chart title={`${route}: errors`} testId="route-chart-errors">
              <TimeSeries rows={keyRows(byRoute.points, route, ["errorRatio"])} keys={["errorRatio"]} unit="%" testId="route-chart-errors" />
            </Chart>
          </div>
        )}
      </Card>
    </>
  );
}
