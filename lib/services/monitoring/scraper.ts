import "server-only";
import { db } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { env } from "../../env";
import { ROUTE_DETAIL_HOURS, scrapeRecord } from "../../metrics/scrape-record";
import { clinicalAdmin, type ServiceCacheState } from "../caching/clinical-admin";
import { syncCachePolicies } from "../caching/cache-policies";
import { syncResourceSettings } from "../resources/resource-settings";
import { syncPoolSettings } from "../database/pool-settings";

const KEY = Symbol.for("vigil.scraper");
type Holder = { [KEY]?: NodeJS.Timeout };
const PRUNE_EVERY = 240;

/** Scrapes the clinical service once and stores its per-class and per-route counters; false when it is down. */
export async function scrapeClinicalOnce(): Promise<boolean> {
  let text: string;
  try {
    const res = await fetch(new URL("/metrics", env().CLINICAL_URL), { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return false;
    text = await res.text();
  } catch {
    return false;
  }
  await (await db()).metricScrape.create({ data: { data: scrapeRecord(text) as unknown as Prisma.InputJsonValue } });
  return true;
}

/**
 * Keeps 3 days at full resolution (the longest burn-rate window) and one scrape per hour for
 * the 30-day error budget beyond that; per-route detail only for the Monitoring charts' range.
 */
export async function pruneScrapes(): Promise<void> {
  const prisma = await db();
  await prisma.$executeRaw`UPDATE metric_scrapes SET data = data - 'routes'
    WHERE scraped_at < now() - make_interval(hours => ${ROUTE_DETAIL_HOURS}) AND data ? 'routes'`;
  await prisma.$executeRaw`DELETE FROM metric_scrapes WHERE scraped_at < now() - interval '31 days'`;
  await prisma.$executeRaw`DELETE FROM metric_scrapes m WHERE m.scraped_at < now() - interval '3 days'
    AND EXISTS (SELECT 1 FROM metric_scrapes o WHERE date_trunc('hour', o.scraped_at) = date_trunc('hour', m.scraped_at) AND o.id < m.id)`;
}

/** Starts the console's own scrape loop unless a Prometheus is configured (once per process). */
export function startScraper(): void {
  const holder = globalThis as Holder;
  if (holder[KEY] || env().PROMETHEUS_URL) return;
  let ticks = 0;
  const tick = () => {
    void scrapeClinicalOnce().catch(() => false);
    // A restarted clinical service starts on the defaults: give it the saved policies and pool settings back.
    if (env().CLINICAL_ADMIN_SECRET) {
      void clinicalAdmin<ServiceCacheState>("GET", "/admin/cache/policies").then((s) => syncCachePolicies(s.version)).catch(() => undefined);
      void clinicalAdmin<{ version: number }>("GET", "/admin/resources/settings").then((s) => syncResourceSettings(s.version)).catch(() => undefined);
      void clinicalAdmin<{ version: number }>("GET", "/admin/pool/settings").then((s) => syncPoolSettings(s.version)).catch(() => undefined);
    }
    if (ticks++ % PRUNE_EVERY === 0) void pruneScrapes().catch(() => undefined);
  };
  holder[KEY] = setInterval(tick, env().VIGIL_SCRAPE_INTERVAL_S * 1000);
  holder[KEY].unref();
  tick();
}
