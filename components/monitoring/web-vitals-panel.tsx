import type { VitalRow } from "@/lib/services/monitoring/web-vitals-summary";
import { VitalsChart } from "./vitals-chart";

const GOOD: Record<string, number> = { LCP: 2.5, INP: 0.2, TTFB: 0.8, FCP: 1.8, CLS: 0.1 };
const fmt = (r: VitalRow) => (r.p75 === Infinity ? "> last bucket" : r.metric === "CLS" ? `≤ ${r.p75}` : `≤ ${Math.round(r.p75 * 1000)} ms`);

export function WebVitalsPanel({ rows }: { rows: VitalRow[] }) {
  if (rows.length === 0) {
    return <p className="muted" data-testid="vitals-empty">No Web Vitals received yet by this console process. Browse a few pages; each browser reports LCP, INP, CLS and TTFB when they are final.</p>;
  }
  const lcp = rows.filter((r) => r.metric === "LCP" && r.p75 !== Infinity).map((r) => ({ route: r.route, p75: r.p75 }));
  return (
    <>
      {lcp.length > 0 && (
        <>
          <h3>LCP p75 by route (seconds)</h3>
          <VitalsChart data={lcp} goodThreshold={GOOD.LCP!} unit="s" />
        </>
      )}
      <table data-testid="vitals-table">
        <thead>
          <tr><th>Metric</th><th>Route</th><th>Reports</th><th>p75 (bucket bound)</th><th>Good below</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.metric} ${r.route}`} data-metric={r.metric}>
              <td>{r.metric}</td><td><code>{r.route}</code></td><td>{r.count}</td><td>{fmt(r)}</td>
              <td>{r.metric === "CLS" ? GOOD.CLS : `${Math.round(GOOD[r.metric]! * 1000)} ms`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
