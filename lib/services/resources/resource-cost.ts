import "server-only";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { db } from "../../db/prisma";
import { mergeCounters, type ClinicalCounters } from "@/core/metrics/clinical-counters";
import { readResourceSample } from "@/core/metrics/resource-sample";
import { classCost, type CostEstimate } from "@/core/engines/cost/class-cost";
import type { ResourceScrape } from "@/core/engines/resources/resource-series";
import { RESOURCES_RANGES_S, type ResourcesRange } from "../../validations/resources-range";
import { currentPriceTable, type SavedPriceTable } from "./price-table";

export interface ResourceCost {
  range: ResourcesRange;
  priceTable: SavedPriceTable;
  estimate: CostEstimate;
}

type Row = { scraped_at: Date; process: unknown; classes: ClinicalCounters | null; synthetic: ClinicalCounters | null };

/** Estimated cost per 1,000 requests per class over a range, from the console's stored scrapes and the current price table. */
export async function resourceCost(actor: Actor | null, opts: { range: ResourcesRange }, now = new Date()): Promise<ResourceCost> {
  await authorize(actor, "console.view", { action: "resources.cost" });
  const end = now.getTime();
  const start = end - RESOURCES_RANGES_S[opts.range] * 1000;
  const [rows, priceTable] = await Promise.all([
    (await db()).$queryRaw<Row[]>`
      (SELECT scraped_at, data->'process' AS process, data->'classes' AS classes, data->'syntheticClasses' AS synthetic
        FROM metric_scrapes WHERE scraped_at < ${new Date(start)} ORDER BY scraped_at DESC LIMIT 1)
      UNION ALL
      (SELECT scraped_at, data->'process' AS process, data->'classes' AS classes, data->'syntheticClasses' AS synthetic
        FROM metric_scrapes WHERE scraped_at >= ${new Date(start)} AND scraped_at <= ${now})
      ORDER BY scraped_at`,
    currentPriceTable(),
  ]);
  const scrapes: ResourceScrape[] = rows.map((r) => ({
    at: r.scraped_at.getTime(),
    ...readResourceSample({ process: r.process, admission: null, pool: null }),
    requests: mergeCounters(r.classes ?? undefined, r.synthetic ?? undefined),
  }));
  return { range: opts.range, priceTable, estimate: classCost(scrapes, start, end, priceTable.prices) };
}
