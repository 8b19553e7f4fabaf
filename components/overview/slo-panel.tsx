import type { SloReport, SloStatus } from "@/lib/services/monitoring/slo-report";
import { TrafficSwitch } from "@/components/monitoring/traffic-switch";

const pct = (x: number | null, digits = 3) => (x === null ? "no data" : `${(x * 100).toFixed(digits)}%`);
const hours = (s: number) => (s < 3600 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

function Budget({ share }: { share: number | null }) {
  if (share === null) return <span className="muted">no data</span>;
  const shown = Math.max(0, Math.min(1, share));
  return (
    <span className="budget">
      <meter min={0} max={1} low={0.25} high={0.5} optimum={1} value={shown} aria-label="error budget remaining" />
      <span className={share < 0 ? "bad-text" : undefined}>{share < 0 ? `overspent ${pct(-share, 0)}` : pct(share, 1)}</span>
    </span>
  );
}

function Alerts({ status }: { status: SloStatus }) {
  const firing = status.alerts.filter((a) => a.firing);
  // Green only when the windows had traffic to judge; no data is not healthy, just unmeasured.
  if (firing.length === 0) return status.alerts.every((a) => a.noData) ? <span className="badge neutral">no data</span> : <span className="badge ok">none</span>;
  return (
    <>
      {firing.map((a) => (
        <span key={`${a.severity}-${a.long}`} className={`badge ${a.severity === "page" ? "bad" : "warn"}`} title={`burn ${a.longBurn?.toFixed(1)}× over ${a.long}, ${a.shortBurn?.toFixed(1)}× over ${a.short} (threshold ${a.factor}×)`}>
          {a.severity} {a.long}/{a.short}
        </span>
      ))}
    </>
  );
}

/** SLO attainment, budget and firing burn-rate alerts per priority class, with their source. */
export function SloPanel({ report, basePath }: { report: SloReport; basePath: string }) {
  const { source } = report;
  return (
    <section className="panel" data-testid="slo-panel">
      <h2>Service levels</h2>
      <p className="muted" data-testid="slo-source">
        {source.description}
        {source.kind === "scrape" && ` History so far: ${hours(source.historyS ?? 0)} of the 30-day window.`}
      </p>
      <TrafficSwitch includeSynthetic={source.includeSynthetic} basePath={basePath} />
      {report.error && <p className="notice">{report.error}</p>}
      <p data-testid="slo-exports">
        Same SLOs for your monitoring stack:{" "}
        <a href="/api/monitoring/exports/vigil-slo-rules.yml">Prometheus recording and burn-rate alert rules</a> ·{" "}
        <a href="/api/monitoring/exports/prometheus.yml">Prometheus scrape config</a> ·{" "}
        <a href="/api/monitoring/exports/vigil-clinical-dashboard.json">Grafana dashboard</a>
      </p>
      <table>
        <thead>
          <tr><th>Priority class</th><th>SLO</th><th>Objective</th><th>Attained</th><th>Error budget left</th><th>Burn-rate alerts</th></tr>
        </thead>
        <tbody>
          {report.statuses.map((s) => (
            <tr key={s.slo.id} data-testid={`slo-${s.slo.id}`}>
              <td>{s.slo.priorityClass === "all" ? "overall" : s.slo.priorityClass}</td>
              <td title={s.slo.description}>{s.slo.kind === "latency" ? `latency ≤ ${s.slo.thresholdS} s` : "availability"}</td>
              <td>{pct(s.slo.objective)}</td>
              <td>{pct(s.attainment)}</td>
              <td><Budget share={s.budgetRemaining} /></td>
              <td><Alerts status={s} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
