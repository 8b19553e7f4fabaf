import "server-only";
import { db } from "../../db/prisma";
import { env } from "../../env";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import type { CacheCounters } from "@/core/metrics/clinical-counters";
import { clinicalAdmin, type ServiceCacheState } from "./clinical-admin";
import { currentPolicies, type SavedPolicies } from "./cache-policies";

/** Hit rate of one data class between two consecutive scrapes. */
export interface HitRatePoint {
  at: string;
  [dataClass: string]: number | string | null;
}

export interface CachingState {
  saved: SavedPolicies;
  service: ServiceCacheState | null;
  serviceError: string | null;
  configured: boolean;
  hitRates: HitRatePoint[];
  classes: string[];
}

const HISTORY_MS = 60 * 60 * 1000;

/** Hit ratio per class per scrape interval over the last hour ((l1+l2+graced) / all lookups). */
async function hitRates(): Promise<{ points: HitRatePoint[]; classes: string[] }> {
  const rows = await (await db()).metricScrape.findMany({ where: { scrapedAt: { gte: new Date(Date.now() - HISTORY_MS) } }, orderBy: { scrapedAt: "asc" } });
  const samples = rows.map((r) => ({ at: r.scrapedAt.toISOString(), cache: ((r.data as { cache?: Record<string, CacheCounters> }).cache ?? {}) }));
  const classes = [...new Set(samples.flatMap((s) => Object.keys(s.cache)))].sort();
  const points: HitRatePoint[] = [];
  for (let i = 1; i < samples.length; i++) {
    const point: HitRatePoint = { at: samples[i]!.at };
    for (const c of classes) {
      const a = samples[i - 1]!.cache[c];
      const b = samples[i]!.cache[c];
      const hits = b && a ? b.l1 + b.l2 + b.graced - (a.l1 + a.l2 + a.graced) : 0;
      const lookups = b && a ? hits + b.miss - a.miss : 0;
      point[c] = lookups > 0 && hits >= 0 ? Math.round((hits / lookups) * 1000) / 10 : null;
    }
    points.push(point);
  }
  return { points, classes };
}

/** Everything the Caching page shows: saved policies, what the service runs, and hit rates. */
export async function cachingState(actor: Actor | null): Promise<CachingState> {
  await authorize(actor, "console.view", { action: "cache.view" });
  const [saved, rates] = await Promise.all([currentPolicies(), hitRates()]);
  const configured = Boolean(env().CLINICAL_ADMIN_SECRET);
  let service: ServiceCacheState | null = null;
  let serviceError: string | null = null;
  if (configured) {
    try {
      service = await clinicalAdmin<ServiceCacheState>("GET", "/admin/cache/policies");
    } catch (err) {
      serviceError = (err as Error).message;
    }
  }
  return { saved, service, serviceError, configured, hitRates: rates.points, classes: rates.classes };
}
