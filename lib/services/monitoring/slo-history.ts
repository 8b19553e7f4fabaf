import "server-only";
import { db } from "../../db/prisma";
import { env } from "../../env";
import { countersFor, counterIncrease } from "@/core/metrics/clinical-counters";
import { classesOf, type ScrapeRecord } from "../../metrics/scrape-record";
import { errorRatioQuery, leLabel, type TrafficOptions } from "@/core/engines/slo/promql";
import type { Slo } from "@/core/engines/slo/definitions";

/** Seconds per window name (the burn-rate windows plus the 30-day budget period). */
export const WINDOW_SECONDS: Record<string, number> = { "5m": 300, "30m": 1800, "1h": 3600, "2h": 7200, "6h": 21600, "1d": 86400, "3d": 259200, "30d": 2592000 };

/** Good and total events of an SLO over a window; null total = no data for that window. */
export interface WindowEvents {
  total: number;
  bad: number;
}

export interface SloSource {
  kind: "prometheus" | "scrape";
  description: string;
  /** Whether load-test traffic (x-vigil-run, `traffic="synthetic"`) counts; off by default. */
  includeSynthetic: boolean;
  /** Seconds of history available (scrape source), so a 30-day figure is not overstated. */
  historyS: number | null;
  errorRatio(slo: Slo, window: string): Promise<number | null>;
}

/** The console's own scrapes: counter increases between stored samples. */
export async function scrapeSource(now = new Date(), opts: TrafficOptions = {}): Promise<SloSource> {
  const includeSynthetic = opts.includeSynthetic ?? false;
  // Only the per-class parts: per-route detail is not needed here and is most of a row.
  const rows = await (await db()).$queryRaw<Array<{ scraped_at: Date } & Pick<ScrapeRecord, "classes" | "syntheticClasses">>>`
    SELECT scraped_at, data->'classes' AS classes, data->'syntheticClasses' AS "syntheticClasses" FROM metric_scrapes
    WHERE scraped_at >= ${new Date(now.getTime() - WINDOW_SECONDS["30d"]! * 1000)} ORDER BY scraped_at`;
  const samples = rows.map((r) => ({ at: r.scraped_at.getTime(), classes: classesOf({ classes: r.classes ?? {}, syntheticClasses: r.syntheticClasses ?? undefined }, includeSynthetic) }));
  const first = samples[0];
  return {
    kind: "scrape",
    includeSynthetic,
    description: `The console scrapes ${new URL("/metrics", env().CLINICAL_URL)} every ${env().VIGIL_SCRAPE_INTERVAL_S} s and keeps the history in its own database (PROMETHEUS_URL is not set).`,
    historyS: first ? (now.getTime() - first.at) / 1000 : 0,
    async errorRatio(slo, window) {
      const since = now.getTime() - WINDOW_SECONDS[window]! * 1000;
      // The sample just before the window starts is the baseline of the first increase.
      const start = Math.max(0, samples.findIndex((s) => s.at >= since) - 1);
      const inWindow = samples.slice(start);
      if (inWindow.length < 2) return null;
      const counters = inWindow.map((s) => countersFor(s.classes, slo.priorityClass));
      const total = counterIncrease(counters.map((c) => c.total));
      if (total <= 0) return null;
      const bad = slo.kind === "availability"
        ? counterIncrease(counters.map((c) => c.bad))
        : total - counterIncrease(counters.map((c) => c.le[leLabel(slo.thresholdS!)] ?? 0));
      return Math.min(1, Math.max(0, bad / total));
    },
  };
}

/** A real Prometheus: the same error-ratio PromQL the exported recording rules use. */
export function prometheusSource(url: string, opts: TrafficOptions = {}): SloSource {
  const includeSynthetic = opts.includeSynthetic ?? false;
  return {
    kind: "prometheus",
    includeSynthetic,
    description: `History comes from Prometheus at ${url} (PROMETHEUS_URL), with the PromQL of the exported recording rules.`,
    historyS: null,
    async errorRatio(slo, window) {
      const q = new URL("/api/v1/query", url);
      q.searchParams.set("query", errorRatioQuery(slo, window as never, { includeSynthetic }));
      const res = await fetch(q, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`Prometheus answered ${res.status}`);
      const body = (await res.json()) as { data?: { result?: { value: [number, string] }[] } };
      const v = body.data?.result?.[0]?.value[1];
      const n = v === undefined ? NaN : Number(v);
      return Number.isFinite(n) ? n : null;
    },
  };
}

export async function sloSource(opts: TrafficOptions = {}): Promise<SloSource> {
  const url = env().PROMETHEUS_URL;
  return url ? prometheusSource(url, opts) : scrapeSource(new Date(), opts);
}
