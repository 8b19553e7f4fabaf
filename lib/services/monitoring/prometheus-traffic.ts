import "server-only";
import { SLOS } from "@/core/engines/slo/definitions";
import { burnRate } from "@/core/engines/slo/burn-rate";
import { BAD_STATUS_REGEX, CLINICAL_JOB, HTTP_DURATION_METRIC as H, REAL_TRAFFIC_MATCHER, errorRatioQuery } from "@/core/engines/slo/promql";
import { chooseStepS, type KeyStats, type TrafficPoint } from "@/core/engines/monitoring/traffic-series";
import type { MonitoringRange } from "../../validations/monitoring";
import type { TrafficHistory, TrafficView } from "./traffic-types";

type Matrix = Array<{ metric: Record<string, string>; values?: [number, string][]; value?: [number, string] }>;

/** Prometheus' own minimum useful rate() window: a few of its 15 s scrapes. */
const MIN_RATE_WINDOW_S = 60;

async function query(base: string, path: "query" | "query_range", params: Record<string, string>): Promise<Matrix> {
  const url = new URL(`/api/v1/${path}`, base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`Prometheus answered ${res.status} to ${path}`);
  return ((await res.json()) as { data: { result: Matrix } }).data.result;
}

const num = (v: string | undefined) => (v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));

/** Range and whole-range figures per key (priority_class or route) with the same definitions as the scrape path. */
async function viewBy(base: string, by: "priority_class" | "route", sel: string, range: { start: number; end: number; stepS: number; rangeS: number }): Promise<TrafficView> {
  const w = `${Math.max(range.stepS, MIN_RATE_WINDOW_S)}s`;
  const bad = sel.replace("}", `,status_code=~"${BAD_STATUS_REGEX}"}`);
  const exprs = (win: string, fn: "rate" | "increase") => ({
    rps: `sum by (${by}) (rate(${H}_count${sel}[${win}]))`,
    total: `sum by (${by}) (${fn}(${H}_count${sel}[${win}]))`,
    bad: `sum by (${by}) (${fn}(${H}_count${bad}[${win}]))`,
    p50: `histogram_quantile(0.5, sum by (le, ${by}) (rate(${H}_bucket${sel}[${win}])))`,
    p95: `histogram_quantile(0.95, sum by (le, ${by}) (rate(${H}_bucket${sel}[${win}])))`,
    p99: `histogram_quantile(0.99, sum by (le, ${by}) (rate(${H}_bucket${sel}[${win}])))`,
  });
  const names = ["rps", "total", "bad", "p50", "p95", "p99"] as const;
  const rangeParams = { start: String(range.start / 1000), end: String(range.end / 1000), step: `${range.stepS}s` };
  const overTime = exprs(w, "increase");
  const whole = exprs(`${range.rangeS}s`, "increase");
  const [series, totals] = await Promise.all([
    Promise.all(names.map((n) => query(base, "query_range", { query: overTime[n], ...rangeParams }))),
    Promise.all(names.map((n) => query(base, "query", { query: whole[n], time: String(range.end / 1000) }))),
  ]);
  const keys = [...new Set(totals[1]!.filter((r) => (num(r.value?.[1]) ?? 0) > 0).map((r) => r.metric[by] ?? "unknown"))].sort();
  const at = new Map<number, TrafficPoint>();
  const point = (t: number) => at.get(t) ?? (at.set(t, { at: t, byKey: {} }), at.get(t)!);
  const blank = (): KeyStats => ({ requests: 0, rps: 0, errorRatio: null, p50: null, p95: null, p99: null });
  names.forEach((n, i) => {
    for (const r of series[i]!) {
      const key = r.metric[by] ?? "unknown";
      if (!keys.includes(key)) continue;
      for (const [ts, v] of r.values ?? []) {
        const s = (point(ts * 1000).byKey[key] ??= blank());
        if (n === "rps") s.rps = num(v) ?? 0;
        else if (n === "total") s.requests = num(v) ?? 0;
        else if (n === "bad") s.errorRatio = num(v);
        else s[n] = num(v);
      }
    }
  });
  for (const p of at.values()) for (const s of Object.values(p.byKey)) s.errorRatio = s.requests > 0 ? Math.min(1, (s.errorRatio ?? 0) / s.requests) : null;
  const whole1 = (i: number, key: string) => num(totals[i]!.find((r) => (r.metric[by] ?? "unknown") === key)?.value?.[1]);
  const totalsBy = Object.fromEntries(keys.map((k) => {
    const requests = whole1(1, k) ?? 0;
    return [k, { requests, rps: requests / range.rangeS, errorRatio: requests > 0 ? (whole1(2, k) ?? 0) / requests : null, p50: whole1(3, k), p95: whole1(4, k), p99: whole1(5, k) }];
  }));
  return { keys, points: [...at.values()].sort((a, b) => a.at - b.at), totals: totalsBy };
}

/** The same charts from a real Prometheus (PROMETHEUS_URL): query_range over the clinical job's histogram. */
export async function prometheusTraffic(base: string, opts: { range: MonitoringRange; rangeS: number; includeSynthetic: boolean }, now: Date): Promise<TrafficHistory> {
  const stepS = chooseStepS(opts.rangeS, 15);
  const end = now.getTime();
  const range = { start: end - opts.rangeS * 1000, end, stepS, rangeS: opts.rangeS };
  const sel = `{job="${CLINICAL_JOB}"${opts.includeSynthetic ? "" : `,${REAL_TRAFFIC_MATCHER}`}}`;
  const source = { kind: "prometheus" as const, description: `From Prometheus at ${base} (PROMETHEUS_URL): rate() and histogram_quantile() over the ${CLINICAL_JOB} job's request histogram, ${stepS} s steps.` };
  const empty: TrafficView = { keys: [], points: [], totals: {} };
  try {
    const w = `${Math.max(stepS, MIN_RATE_WINDOW_S)}s`;
    const [byClass, byRoute, burns] = await Promise.all([
      viewBy(base, "priority_class", sel, range),
      viewBy(base, "route", sel, range),
      // errorRatioQuery takes the rules' window names; any PromQL duration renders the same way.
      Promise.all(SLOS.map((slo) => query(base, "query_range", { query: errorRatioQuery(slo, w as never, { includeSynthetic: opts.includeSynthetic }), start: String(range.start / 1000), end: String(end / 1000), step: `${stepS}s` }))),
    ]);
    const burnAt = new Map<number, Record<string, number | null>>();
    SLOS.forEach((slo, i) => {
      for (const [ts, v] of burns[i]![0]?.values ?? []) {
        const ratio = num(v);
        (burnAt.get(ts * 1000) ?? burnAt.set(ts * 1000, {}).get(ts * 1000)!)[slo.id] = ratio === null ? null : burnRate(ratio, slo.objective);
      }
    });
    const burn = [...burnAt.entries()].sort((a, b) => a[0] - b[0]).map(([at, bySlo]) => ({ at, bySlo }));
    return { source, includeSynthetic: opts.includeSynthetic, range: opts.range, stepS, byClass, byRoute, burn };
  } catch (err) {
    return { source, includeSynthetic: opts.includeSynthetic, range: opts.range, stepS, byClass: empty, byRoute: empty, burn: [], error: `Could not read from Prometheus: ${(err as Error).message}` };
  }
}
