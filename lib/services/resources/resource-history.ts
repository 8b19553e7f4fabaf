import "server-only";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { db } from "../../db/prisma";
import { env } from "../../env";
import { mergeCounters, type ClinicalCounters } from "@/core/metrics/clinical-counters";
import { readResourceSample } from "@/core/metrics/resource-sample";
import { chooseStepS } from "@/core/engines/monitoring/traffic-series";
import { resourceSeries, type ResourceScrape, type ResourceSeries } from "@/core/engines/resources/resource-series";
import { RESOURCES_RANGES_S, type ResourcesRange } from "../../validations/resources-range";

export interface ResourceHistory {
  range: ResourcesRange;
  source: { kind: "scrape"; description: string; prometheus: boolean };
  /** Scrapes stored inside the range (0: nothing to chart). */
  scrapes: number;
  series: ResourceSeries;
}

type Row = { scraped_at: Date; process: unknown; admission: unknown; pool: unknown; classes: ClinicalCounters | null; synthetic: ClinicalCounters | null };

/**
 * CPU, memory, event-loop lag, admission per class, pool per class and p95 per class over a
 * range, from the console's stored scrapes of the clinical service (metric_scrapes). Latency
 * counts all traffic, load tests included, like the limiter does.
 */
export async function resourceHistory(actor: Actor | null, opts: { range: ResourcesRange }, now = new Date()): Promise<ResourceHistory> {
  await authorize(actor, "console.view", { action: "resources.history" });
  const rangeS = RESOURCES_RANGES_S[opts.range];
  const intervalS = env().VIGIL_SCRAPE_INTERVAL_S;
  const stepS = chooseStepS(rangeS, intervalS);
  const end = now.getTime();
  const start = end - rangeS * 1000;
  // Only the parts the charts read (per-route detail is most of a row). The scrape before the
  // range is the baseline of its first interval.
  const rows = await (await db()).$queryRaw<Row[]>`
    SELECT scraped_at, data->'process' AS process, data->'admission' AS admission, data->'pool' AS pool,
      data->'classes' AS classes, data->'syntheticClasses' AS synthetic
    FROM metric_scrapes WHERE scraped_at >= ${new Date(start - stepS * 1000)} AND scraped_at <= ${now} ORDER BY scraped_at`;
  const scrapes: ResourceScrape[] = rows.map((r) => ({
    at: r.scraped_at.getTime(),
    ...readResourceSample(r),
    requests: mergeCounters(r.classes ?? undefined, r.synthetic ?? undefined),
  }));
  const prometheus = Boolean(env().PROMETHEUS_URL);
  const from = `the console's own scrapes of ${new URL("/metrics", env().CLINICAL_URL)}`;
  return {
    range: opts.range,
    source: {
      kind: "scrape",
      prometheus,
      description: prometheus
        ? `PROMETHEUS_URL is set, so the console does not scrape the clinical service itself; these charts read ${from} only (what was stored before), not Prometheus.`
        : `From ${from} every ${intervalS} s, in ${stepS} s steps: CPU and rejections from counter growth over each step (a restart counts from zero), gauges (memory, lag, in flight, limit, pool) averaged over the scrapes in a step, p95 interpolated inside the service's latency buckets (all traffic, load tests included).`,
    },
    scrapes: scrapes.filter((s) => s.at > start).length,
    series: resourceSeries(scrapes, start, end, stepS),
  };
}
