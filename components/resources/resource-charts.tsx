import Link from "next/link";
import type { ResourceHistory } from "@/lib/services/resources/resource-history";
import type { ThresholdCheck } from "@/core/engines/resources/resource-series";
import { ADMISSION_CLASSES, LIMITED_CLASSES } from "@/core/engines/admission/classes";
import { POOL_CLASSES } from "@/core/engines/pool/classes";
import { RESOURCES_RANGES_S } from "@/lib/validations/resources-range";
import { TimeSeries } from "@/components/monitoring/time-series";
import { Card } from "@/components/ui/card";
import { ChartFigure } from "@/components/ui/chart-figure";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatUtc } from "@/components/ui/timestamp";
import { measuredKeys, ms, pct, rejectionRows, rows, type Rows } from "./resource-rows";

function Chart({ title, testId, data, keys, unit, reference, empty }: { title: string; testId: string; data: Rows; keys: string[]; unit: string; reference?: { y: number; label: string }; empty: string }) {
  const shown = measuredKeys(data, keys);
  return (
    <ChartFigure title={title} testId={`${testId}-figure`}>
      {shown.length === 0
        ? <EmptyState testId={`${testId}-empty`}>{empty}</EmptyState>
        : <TimeSeries rows={data} keys={shown} unit={unit} testId={testId} {...(reference ? { reference } : {})} />}
    </ChartFigure>
  );
}

function Threshold({ name, check, testId, unit = "%" }: { name: string; check: ThresholdCheck; testId: string; unit?: string }) {
  const status = check.within === null ? "neutral" : check.within ? "ok" : "bad";
  return (
    <li data-testid={testId}>
      {name}: {check.value === null ? "not measured" : `${pct(check.value)} ${unit}`} (threshold {pct(check.threshold)} {unit}){" "}
      <StatusBadge testId={`${testId}-status`} status={status} label={check.within === null ? "not measured" : check.within ? "within" : "over"} />
    </li>
  );
}

const thresholdRef = (v: number) => ({ y: pct(v)!, label: `threshold ${pct(v)} %` });

/** CPU, memory, event-loop lag, admission, pool and p95 over the chosen range, from the stored scrapes. */
export function ResourceCharts({ history }: { history: ResourceHistory }) {
  const { series: s, source } = history;
  const t = s.thresholds;
  return (
    <Card title="Over time" testId="resource-history">
      <p className="muted" data-testid="resource-history-source" data-prometheus={source.prometheus ? "yes" : "no"}>{source.description}</p>
      <p data-testid="resource-range-links">
        Range:{" "}
        {Object.keys(RESOURCES_RANGES_S).map((r) => (
          <span key={r}>
            {r === history.range ? <strong aria-current="true">{r}</strong> : <Link href={`/resources?range=${r}`}>{r}</Link>}{" "}
          </span>
        ))}
      </p>
      {history.scrapes === 0 ? (
        <EmptyState testId="resource-history-empty">
          No scrape of the clinical service is stored for the last {history.range}
          {source.prometheus ? " (with PROMETHEUS_URL set the console does not scrape)" : " (the console scrapes it while running; is the service up?)"}: nothing to chart yet.
        </EmptyState>
      ) : (
        <>
          <h3>Thresholds on the latest interval{s.latest ? ` (ending ${formatUtc(new Date(s.latest.at))})` : ""}</h3>
          {!s.measured && <EmptyState testId="resource-history-unmeasured">The scrapes in this range predate the resource figures (or the service does not export them): CPU, memory, admission and pool are not measured here.</EmptyState>}
          <ul data-testid="resource-history-thresholds">
            <Threshold name="CPU (share of one core)" check={t.cpu} testId="history-threshold-cpu" />
            <Threshold name="Memory (V8 heap used of its limit)" check={t.memory} testId="history-threshold-memory" />
            {POOL_CLASSES.map((c) => <Threshold key={c} name={`Pool, ${c} (connections held of those it may hold)`} check={t.pool[c]!} testId={`history-threshold-pool-${c}`} />)}
          </ul>
          <div className="grid">
            <Chart title="CPU (% of one core)" testId="chart-resource-cpu" unit="%" reference={thresholdRef(t.cpu.threshold)}
              data={rows(s.points, { CPU: (p) => pct(p.cpu) })} keys={["CPU"]} empty="CPU seconds were not scraped in this range." />
            <Chart title="Memory (V8 heap used, % of its limit)" testId="chart-resource-memory" unit="%" reference={thresholdRef(t.memory.threshold)}
              data={rows(s.points, { heap: (p) => pct(p.memory) })} keys={["heap"]} empty="Heap figures were not scraped in this range." />
            <Chart title="Event-loop lag p99" testId="chart-resource-lag" unit=" ms"
              data={rows(s.points, { p99: (p) => ms(p.lagP99S) })} keys={["p99"]} empty="Event-loop lag was not scraped in this range." />
            {LIMITED_CLASSES.map((c) => (
              <Chart key={c} title={`${c}: in flight vs limit`} testId={`chart-resource-inflight-${c}`} unit=""
                data={rows(s.points, { "in flight": (p) => p.inFlight[c] ?? null, limit: (p) => p.limit[c] ?? null })} keys={["in flight", "limit"]} empty="Admission figures were not scraped in this range." />
            ))}
            <Chart title="emergency: in flight (own partition, never limited)" testId="chart-resource-inflight-emergency" unit=""
              data={rows(s.points, { "in flight": (p) => p.inFlight.emergency ?? null })} keys={["in flight"]} empty="Admission figures were not scraped in this range." />
            <RejectionChart history={history} />
            <Chart title="DB pool: connections held, % of what each class may hold" testId="chart-resource-pool" unit="%" reference={thresholdRef(t.pool[POOL_CLASSES[0]]!.threshold)}
              data={rows(s.points, Object.fromEntries(POOL_CLASSES.map((c) => [c, (p) => pct(p.pool[c] ?? null)])))} keys={[...POOL_CLASSES]} empty="Pool figures were not scraped in this range." />
            <Chart title="Latency p95 per class" testId="chart-resource-p95" unit=" ms"
              data={rows(s.points, Object.fromEntries(ADMISSION_CLASSES.map((c) => [c, (p) => ms(p.p95[c] ?? null)])))} keys={[...ADMISSION_CLASSES]} empty="No request finished in this range." />
          </div>
          <p className="muted">
            A class may hold the pool&apos;s size less the connections reserved for the classes ranked above it. Event-loop lag p99 is prom-client&apos;s,
            reset at every read of /metrics (so it covers the time since the previous scrape). In flight and the limit are sampled at each scrape, not between.
          </p>
        </>
      )}
    </Card>
  );
}

function RejectionChart({ history }: { history: ResourceHistory }) {
  const { data, keys } = rejectionRows(history.series, ADMISSION_CLASSES);
  const title = `Requests rejected with 429 per ${history.series.stepS} s step, by class and reason`;
  return (
    <ChartFigure title={title} testId="chart-resource-rejected-figure">
      {keys.length === 0
        ? <EmptyState testId="chart-resource-rejected-empty">No request was rejected in this range{history.series.measured ? "" : " (or the rejection counters were not scraped)"}.</EmptyState>
        : <TimeSeries rows={data} keys={keys} unit="" testId="chart-resource-rejected" />}
    </ChartFigure>
  );
}
