import type { ScenarioRun } from "@/core/engines/loadgen/run-scenario";
import { formatMs as f, formatThresholdActual } from "@/core/engines/loadgen/format-figures";
import { Card } from "@/components/ui/card";

/** A finished run's result, or the live progress of one still running (`elapsedS`), or a crashed run's last progress (`crash`). */
type Summary = Partial<ScenarioRun> & { elapsedS?: number; crash?: string };

export function RunSummaryView({ summary }: { summary: Record<string, unknown> | null }) {
  if (!summary) return <p className="muted">No measurements yet.</p>;
  const s = summary as Summary;
  const l = s.latencyMs;
  // Progress of a run still going (or a crashed one's last): thresholds so far, not final.
  const live = s.durationS === undefined && s.elapsedS !== undefined;
  return (
    <>
      {s.safetyFailure && <p className="offline-banner" data-testid="safety-failure">Safety failure: {s.safetyFailure}. The run was stopped at once.</p>}
      {s.invalidReason && <p className="notice">Invalid run: {s.invalidReason}</p>}
      {s.thresholdAbort && <p className="notice" data-testid="threshold-abort">Stopped early: {s.thresholdAbort}.</p>}
      {s.crash && <p className="notice">The run process failed ({s.crash}); these are its last measurements.</p>}
      <Card title="Totals" testId="run-totals">
        <p>
          {s.requests ?? 0} requests, {s.errors ?? 0} errors in {(s.durationS ?? s.elapsedS ?? 0).toFixed(1)} s; starts late {s.late ?? 0}, dropped {s.dropped ?? 0}
          {s.sustainableRate !== undefined && <> · highest sustainable rate {s.sustainableRate ?? "none"} req/s</>}
        </p>
        {l && <p data-testid="run-latency">Latency ms (whole run): p50 {f(l.p50)} · p90 {f(l.p90)} · p95 {f(l.p95)} · p99 {f(l.p99)} · p99.9 {f(l.p999)} · max {f(l.max)}</p>}
        {s.statusCodes && <p className="muted">Status codes: {Object.entries(s.statusCodes).map(([k, v]) => `${k}: ${v}`).join(", ")}</p>}
        {s.errorKinds && Object.keys(s.errorKinds).length > 0 && <p className="muted">Errors by kind: {Object.entries(s.errorKinds).map(([k, v]) => `${k}: ${v}`).join(", ")}</p>}
      </Card>
      {s.thresholds && (
        <Card title={<>Thresholds{live && <span className="muted" data-testid="thresholds-live"> (live: the run so far, evaluated every second)</span>}</>}>
          <table data-testid="run-thresholds">
            <tbody>
              {s.thresholds.map((t) => (
                <tr key={`${t.scope} ${t.expression}`}>
                  <td><span className={`badge ${t.ok ? "ok" : live ? "warn" : "bad"}`}>{t.ok ? (live ? "passing" : "pass") : live ? "failing" : "fail"}</span></td>
                  <td>{t.scope}</td><td><code>{t.expression}</code></td><td data-testid="threshold-actual">{t.actual === null ? (live ? "no data yet" : "no data") : formatThresholdActual(t.expression, t.actual)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {s.endpoints && (
        <Card title={<>Per endpoint <span className="muted">(whole run, warm-up included; the baseline comparison uses steady-state windows)</span></>}>
          <table data-testid="run-endpoints">
            <thead><tr><th>Endpoint</th><th>Requests</th><th>Errors</th><th>p50</th><th>p95</th><th>p99</th><th>max</th></tr></thead>
            <tbody>
              {Object.entries(s.endpoints).map(([name, e]) => (
                <tr key={name}><td>{name}</td><td>{e.requests}</td><td>{e.errors}</td><td>{f(e.p50)}</td><td>{f(e.p95)}</td><td>{f(e.p99)}</td><td>{f(e.max)}</td></tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </>
  );
}
