import "server-only";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { db } from "../../db/prisma";
import { env } from "../../env";
import { SLOS } from "@/core/engines/slo/definitions";
import { burnSeries } from "@/core/engines/monitoring/burn-series";
import { chooseStepS, statsOf, trafficSeries, type CounterSample } from "@/core/engines/monitoring/traffic-series";
import { classesOf, routesOf, ROUTE_DETAIL_HOURS, type ScrapeRecord } from "../../metrics/scrape-record";
import { MONITORING_RANGES_S, type MonitoringRange } from "../../validations/monitoring";
import { prometheusTraffic } from "./prometheus-traffic";
import type { TrafficHistory, TrafficView } from "./traffic-types";

type Row = { scraped_at: Date } & Pick<ScrapeRecord, "classes" | "syntheticClasses" | "routes">;

/** The clinical service's traffic over a range, per priority class and route template, and SLO burn per step. */
export async function trafficHistory(actor: Actor | null, opts: { range: MonitoringRange; includeSynthetic: boolean }, now = new Date()): Promise<TrafficHistory> {
  await authorize(actor, "console.view", { action: "monitoring.traffic" });
  const rangeS = MONITORING_RANGES_S[opts.range];
  const url = env().PROMETHEUS_URL;
  if (url) return prometheusTraffic(url, { ...opts, rangeS }, now);
  const intervalS = env().VIGIL_SCRAPE_INTERVAL_S;
  const stepS = chooseStepS(rangeS, intervalS);
  const end = now.getTime();
  const start = end - rangeS * 1000;
  const rows = await (await db()).$queryRaw<Row[]>`
    SELECT scraped_at, data->'classes' AS classes, data->'syntheticClasses' AS "syntheticClasses", data->'routes' AS routes
    FROM metric_scrapes WHERE scraped_at >= ${new Date(start - stepS * 1000)} AND scraped_at <= ${now} ORDER BY scraped_at`;
  const sample = (pick: (r: Row) => CounterSample["counters"]) => rows.map((r) => ({ at: r.scraped_at.getTime(), counters: pick(r) }));
  const classes = trafficSeries(sample((r) => classesOf({ classes: r.classes ?? {}, syntheticClasses: r.syntheticClasses ?? undefined }, opts.includeSynthetic)), start, end, stepS);
  const routes = trafficSeries(sample((r) => routesOf({ routes: r.routes ?? undefined }, opts.includeSynthetic)), start, end, stepS);
  const view = (s: typeof classes): TrafficView => ({ keys: s.keys, points: s.points, totals: Object.fromEntries(s.keys.map((k) => [k, statsOf(s.totals[k]!, rangeS)])) });
  return {
    source: {
      kind: "scrape",
      description: `From the console's own scrapes of ${new URL("/metrics", env().CLINICAL_URL)} every ${intervalS} s (PROMETHEUS_URL is not set): counter growth between scrapes, in ${stepS} s steps; per-route detail is kept ${ROUTE_DETAIL_HOURS} h. Latency percentiles are interpolated inside the service's histogram buckets.`,
    },
    includeSynthetic: opts.includeSynthetic,
    range: opts.range,
    stepS,
    byClass: view(classes),
    byRoute: view(routes),
    burn: burnSeries(classes.bins, SLOS),
  };
}
