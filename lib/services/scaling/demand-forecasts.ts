import "server-only";
import { db } from "../../db/prisma";
import { forecastDemand, type DemandForecast } from "@/core/engines/forecast/forecast-demand";
import { hourlyRatesFromCounters } from "@/core/engines/forecast/hourly-from-counters";
import { SIMULATION_SEEDS, SIMULATION_WEEKS } from "@/core/engines/scaling/simulation-params";
import { hourlyMeans, syntheticHospitalWeeks } from "@/core/engines/scaling/synthetic-week";

export interface LabelledForecast {
  source: "recorded" | "synthetic";
  description: string;
  historyHours: number;
  /** The last 48 h of history, for the chart beside the forecast. */
  recent: number[];
  /** When the forecast's first hour starts (ms; recorded history only, null for the synthetic week). */
  forecastStartMs: number | null;
  result: DemandForecast;
}

/** Request rate per hour from the console's own scrape history (all priority classes summed). */
export async function recordedDemandForecast(now = new Date()): Promise<LabelledForecast> {
  const rows = await (await db()).$queryRaw<{ at: Date; total: number | null }[]>`
    SELECT scraped_at AS at, (SELECT sum((v->>'total')::float8) FROM jsonb_each(data->'classes') AS e(k, v)) AS total
    FROM metric_scrapes WHERE scraped_at > ${new Date(now.getTime() - 35 * 86_400_000)} ORDER BY scraped_at`;
  const { startMs, values } = hourlyRatesFromCounters(rows.filter((r) => r.total !== null).map((r) => ({ atMs: r.at.getTime(), total: Number(r.total) })), now.getTime());
  // Hour of week in UTC: Monday 00:00 = 0 (1970-01-01 was a Thursday, hour 72 of its week).
  const startHourOfWeek = (Math.floor(startMs / 3_600_000) + 72) % 168;
  return {
    source: "recorded",
    description: "the clinical service's request rate, from the console's scrape history (UTC hours)",
    historyHours: values.length,
    recent: values.slice(-48),
    forecastStartMs: startMs + values.length * 3_600_000,
    result: await forecastDemand({ values, startHourOfWeek }),
  };
}

let synthetic: Promise<LabelledForecast> | null = null;

/** The same forecaster on the synthetic hospital's first three weeks (labelled synthetic). */
export function syntheticDemandForecast(): Promise<LabelledForecast> {
  synthetic ??= (async () => {
    const weeks = SIMULATION_WEEKS - 1;
    const values = hourlyMeans(syntheticHospitalWeeks(SIMULATION_WEEKS, SIMULATION_SEEDS.report).perMinute).slice(0, weeks * 168);
    return { source: "synthetic", description: `synthetic hospital, ${weeks} weeks (seed ${SIMULATION_SEEDS.report})`, historyHours: values.length, recent: values.slice(-48), forecastStartMs: null, result: await forecastDemand({ values, startHourOfWeek: 0 }) };
  })();
  return synthetic;
}
