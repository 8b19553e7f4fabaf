/**
 * Estimated cost per 1,000 requests per admission class, from consecutive scrapes of the clinical
 * service. Pure. The method, which the page states:
 * - the process's CPU seconds in each interval (prom-client's process_cpu_seconds_total growth)
 *   are attributed to classes in proportion to the request time each class spent in that
 *   interval (growth of the request-duration histogram's _sum). A class whose requests wait on
 *   the database longer is charged more than the CPU it used: it is an estimate;
 * - memory is charged as resident GiB (the interval's mean) × hours, split the same way;
 * - intervals with CPU but no requests are idle: their cost is reported, not spread over classes.
 */
import { counterIncrease } from "../../metrics/clinical-counters";
import { ADMISSION_CLASSES } from "../admission/classes";
import type { ResourceScrape } from "../resources/resource-series";
import type { PriceTable } from "./prices";

export interface ClassCost {
  cls: string;
  requests: number;
  /** Share of the attributed request time (0–1), null when nothing was attributed. */
  share: number | null;
  cpuSeconds: number;
  costUsd: number;
  /** null when the class had no requests. */
  per1kUsd: number | null;
}

export interface CostEstimate {
  /** Intervals (scrape pairs) inside the range that had CPU, memory and request-time figures. */
  intervals: number;
  /** Intervals skipped because a scrape lacked CPU seconds or request-time sums (older rows). */
  skipped: number;
  cpuSeconds: number;
  gibHours: number;
  /** CPU seconds and cost of intervals with no request at all. */
  idleCpuSeconds: number;
  idleCostUsd: number;
  classes: ClassCost[];
}

const GIB = 1024 ** 3;

const grew = (prev: number | undefined, cur: number, restart: boolean): number => (restart || prev === undefined ? cur : counterIncrease([prev, cur]));

function restarted(a: ResourceScrape, b: ResourceScrape): boolean {
  const pa = a.process;
  const pb = b.process;
  if (pa?.startTimeS !== undefined && pb?.startTimeS !== undefined && pa.startTimeS !== pb.startTimeS) return true;
  return pa?.cpuSeconds !== undefined && pb?.cpuSeconds !== undefined && pb.cpuSeconds < pa.cpuSeconds;
}

/** Cost of the intervals whose end lies in (startMs, endMs]; `scrapes` sorted by time, the one before the range included. */
export function classCost(scrapes: ResourceScrape[], startMs: number, endMs: number, prices: PriceTable): CostEstimate {
  const acc = new Map<string, { requests: number; timeS: number; cpuSeconds: number; costUsd: number }>(
    ADMISSION_CLASSES.map((c) => [c, { requests: 0, timeS: 0, cpuSeconds: 0, costUsd: 0 }]),
  );
  const out: CostEstimate = { intervals: 0, skipped: 0, cpuSeconds: 0, gibHours: 0, idleCpuSeconds: 0, idleCostUsd: 0, classes: [] };
  for (let i = 1; i < scrapes.length; i++) {
    const a = scrapes[i - 1]!;
    const b = scrapes[i]!;
    if (b.at <= startMs || b.at > endMs) continue;
    const restart = restarted(a, b);
    const cpuB = b.process?.cpuSeconds;
    const memA = a.process?.residentBytes;
    const memB = b.process?.residentBytes;
    const timed = ADMISSION_CLASSES.every((c) => !b.requests?.[c] || b.requests[c]!.sumS !== undefined);
    if (cpuB === undefined || (!restart && a.process?.cpuSeconds === undefined) || memB === undefined || !timed) {
      out.skipped++;
      continue;
    }
    let hours = (b.at - a.at) / 3_600_000;
    if (restart && b.process?.startTimeS !== undefined) hours = Math.min(hours, Math.max(0, b.at / 1000 - b.process.startTimeS) / 3600);
    const cpu = grew(a.process?.cpuSeconds, cpuB, restart);
    const gibHours = (((restart || memA === undefined ? memB : (memA + memB) / 2) / GIB) * hours);
    const cost = (cpu / 3600) * prices.vcpuHour + gibHours * prices.gibHour;
    out.intervals++;
    out.cpuSeconds += cpu;
    out.gibHours += gibHours;
    const deltas = ADMISSION_CLASSES.map((c) => {
      const cur = b.requests?.[c];
      const prev = restart ? undefined : a.requests?.[c];
      if (!cur) return { c, requests: 0, timeS: 0 };
      const reset = prev !== undefined && cur.total < prev.total;
      return { c, requests: grew(reset ? undefined : prev?.total, cur.total, restart), timeS: grew(reset ? undefined : prev?.sumS, cur.sumS ?? 0, restart) };
    });
    const totalTime = deltas.reduce((s, d) => s + d.timeS, 0);
    for (const d of deltas) acc.get(d.c)!.requests += d.requests;
    if (totalTime <= 0) {
      out.idleCpuSeconds += cpu;
      out.idleCostUsd += cost;
      continue;
    }
    for (const d of deltas) {
      const x = acc.get(d.c)!;
      x.timeS += d.timeS;
      x.cpuSeconds += (cpu * d.timeS) / totalTime;
      x.costUsd += (cost * d.timeS) / totalTime;
    }
  }
  const allTime = [...acc.values()].reduce((s, x) => s + x.timeS, 0);
  out.classes = [...acc.entries()].map(([cls, x]) => ({
    cls,
    requests: x.requests,
    share: allTime > 0 ? x.timeS / allTime : null,
    cpuSeconds: x.cpuSeconds,
    costUsd: x.costUsd,
    per1kUsd: x.requests > 0 ? (x.costUsd / x.requests) * 1000 : null,
  }));
  return out;
}
