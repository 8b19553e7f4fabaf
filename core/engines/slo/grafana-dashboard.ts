/**
 * Provisionable Grafana dashboard for the clinical service: traffic, latency, errors, saturation
 * and SLO burn. Queries use route templates and aggregate labels only — no PHI, no raw URLs.
 */
import { SLOS, type Slo } from "./definitions";
import { CLINICAL_JOB, recordedBurnRateQuery, recordingRuleName } from "./promql";

export const DASHBOARD_UID = "vigil-clinical-slo";
const DS = { type: "prometheus", uid: "${datasource}" } as const;
// `traffic!="none"` matches everything: choosing "none" in the variable shows load tests too.
const JOB = `job="${CLINICAL_JOB}",traffic!="$exclude_traffic"`;
const H = "clinical_http_request_duration_seconds";

interface Target {
  expr: string;
  legendFormat: string;
}

interface PanelSpec {
  title: string;
  type: "timeseries" | "stat" | "gauge";
  description: string;
  unit: string;
  targets: Target[];
  w?: number;
}

const CACHE_HITS = "sum(rate(clinical_cache_hits_total[5m]))";
const CACHE_MISSES = "sum(rate(clinical_cache_misses_total[5m]))";

/** Panel contents in display order; ids and grid positions are assigned from this order. */
function panelSpecs(slos: readonly Slo[]): PanelSpec[] {
  const quantile = (q: number): Target => ({
    expr: `histogram_quantile(${q}, sum by (le, priority_class) (rate(${H}_bucket{${JOB}}[5m])))`,
    legendFormat: `p${Math.round(q * 100)} {{priority_class}}`,
  });
  return [
    { title: "Request throughput by priority class", type: "timeseries", unit: "reqps", description: "Requests per second, by clinical priority class.", targets: [{ expr: `sum by (priority_class) (rate(${H}_count{${JOB}}[5m]))`, legendFormat: "{{priority_class}}" }] },
    { title: "Latency p50 / p95 / p99 by priority class", type: "timeseries", unit: "s", description: "Request latency quantiles estimated from the duration histogram.", targets: [0.5, 0.95, 0.99].map(quantile) },
    { title: "Error ratio by priority class", type: "timeseries", unit: "percentunit", description: "Share of requests answered 5xx or 429 (shed), by priority class.", targets: [{ expr: `(sum by (priority_class) (rate(${H}_count{${JOB},status_code=~"5..|429"}[5m])) or (sum by (priority_class) (rate(${H}_count{${JOB}}[5m])) * 0)) / sum by (priority_class) (rate(${H}_count{${JOB}}[5m]))`, legendFormat: "{{priority_class}}" }] },
    { title: "Requests in flight", type: "stat", unit: "short", w: 6, description: "Requests being handled right now, summed over instances.", targets: [{ expr: `sum(clinical_http_requests_in_flight{${JOB}})`, legendFormat: "in flight" }] },
    { title: "Cache hit ratio", type: "gauge", unit: "percentunit", w: 6, description: "Read-cache hit ratio. Note: clinical_cache_hits_total / clinical_cache_misses_total are added to the clinical service later; this panel shows no data until then.", targets: [{ expr: `${CACHE_HITS} / (${CACHE_HITS} + ${CACHE_MISSES})`, legendFormat: "hit ratio" }] },
    { title: "DB query p95 by query", type: "timeseries", unit: "s", description: "95th percentile database query duration, by named query.", targets: [{ expr: `histogram_quantile(0.95, sum by (le, query) (rate(clinical_db_query_duration_seconds_bucket{${JOB}}[5m])))`, legendFormat: "{{query}}" }] },
    { title: "SLO error ratio (1h)", type: "timeseries", unit: "percentunit", description: "Recorded 1h error ratio per SLO (recording rule slo:sli_error:ratio_rate1h).", targets: [{ expr: recordingRuleName("1h"), legendFormat: "{{slo}}" }] },
    { title: "SLO burn rate (1h)", type: "timeseries", unit: "short", description: "1h error ratio / (1 − objective) per SLO. 1 spends the 30-day budget exactly; 14.4 pages (with the 5m window).", targets: slos.map((slo) => ({ expr: recordedBurnRateQuery(slo, "1h"), legendFormat: slo.id })) },
  ];
}

/** Lays panels out two per row (12 wide, 8 high) unless a spec asks for a narrower width. */
function layoutPanels(specs: PanelSpec[]): object[] {
  let x = 0;
  let y = 0;
  return specs.map((spec, i) => {
    const w = spec.w ?? 12;
    if (x + w > 24) {
      x = 0;
      y += 8;
    }
    const gridPos = { h: 8, w, x, y };
    x += w;
    return {
      id: i + 1,
      type: spec.type,
      title: spec.title,
      description: spec.description,
      datasource: DS,
      gridPos,
      fieldConfig: { defaults: { unit: spec.unit }, overrides: [] },
      options: {},
      targets: spec.targets.map((t, j) => ({ refId: String.fromCharCode(65 + j), datasource: DS, expr: t.expr, legendFormat: t.legendFormat })),
    };
  });
}

/** The dashboard JSON model (schemaVersion 39), ready for Grafana file provisioning. */
export function grafanaDashboard(slos: readonly Slo[] = SLOS): Record<string, unknown> {
  return {
    uid: DASHBOARD_UID,
    title: "Vigil — clinical service",
    tags: ["vigil", "clinical", "slo"],
    timezone: "browser",
    schemaVersion: 39,
    version: 1,
    editable: true,
    refresh: "30s",
    time: { from: "now-6h", to: "now" },
    templating: {
      list: [
        { name: "datasource", label: "Data source", type: "datasource", query: "prometheus", current: {}, hide: 0 },
        {
          name: "exclude_traffic", label: "Leave out", type: "custom", query: "synthetic,none", hide: 0,
          description: "synthetic: leave load-test requests (x-vigil-run) out, as the SLOs do; none: show all traffic. SLO panels always use the recorded rules, which leave load tests out.",
          current: { text: "synthetic", value: "synthetic" },
          options: [{ text: "synthetic", value: "synthetic", selected: true }, { text: "none", value: "none", selected: false }],
        },
      ],
    },
    annotations: { list: [] },
    panels: layoutPanels(panelSpecs(slos)),
  };
}
