import { describe, expect, it } from "vitest";
import type { ResourceScrape } from "../resources/resource-series";
import { classCost } from "./class-cost";
import { DEFAULT_PRICES, type PriceTable } from "./prices";

const GIB = 1024 ** 3;
const PRICES: PriceTable = { vcpuHour: 3.6, gibHour: 1.8, replicaHour: 1 };
const c = (total: number, sumS: number | undefined) => ({ total, bad: 0, le: {}, ...(sumS === undefined ? {} : { sumS }) });

function scrape(atS: number, cpuSeconds: number | undefined, requests: ResourceScrape["requests"], opts: { gib?: number; start?: number } = {}): ResourceScrape {
  return { at: atS * 1000, process: { cpuSeconds, residentBytes: (opts.gib ?? 1) * GIB, startTimeS: opts.start ?? 0 }, requests };
}

describe("cost per class from scrapes", () => {
  it("splits one interval's CPU and memory by request time and divides by requests", () => {
    // 3600 s apart: 10 CPU seconds (0.01 USD at 3.6/h), 1 GiB for an hour (1.8 USD); patient-data
    // took 3 s of the 4 s of request time, clinical-data 1 s.
    const s = [
      scrape(0, 100, { "patient-data": c(0, 0), "clinical-data": c(0, 0) }),
      scrape(3600, 110, { "patient-data": c(300, 3), "clinical-data": c(100, 1) }),
    ];
    const r = classCost(s, 0, 3600_000, PRICES);
    expect(r.intervals).toBe(1);
    expect(r.cpuSeconds).toBe(10);
    expect(r.gibHours).toBeCloseTo(1, 12);
    const pd = r.classes.find((x) => x.cls === "patient-data")!;
    const cd = r.classes.find((x) => x.cls === "clinical-data")!;
    expect(pd.share).toBeCloseTo(0.75, 12);
    expect(pd.cpuSeconds).toBeCloseTo(7.5, 12);
    expect(pd.costUsd).toBeCloseTo(0.75 * (0.01 + 1.8), 12);
    expect(pd.per1kUsd).toBeCloseTo((0.75 * 1.81 / 300) * 1000, 9);
    expect(cd.costUsd).toBeCloseTo(0.25 * 1.81, 12);
    expect(r.classes.find((x) => x.cls === "emergency")).toMatchObject({ requests: 0, costUsd: 0, per1kUsd: null, share: 0 });
  });

  it("keeps intervals with no requests as idle cost, and skips rows without request-time sums", () => {
    const s = [
      scrape(0, 0, { "patient-data": c(10, 1) }),
      scrape(3600, 36, { "patient-data": c(10, 1) }), // idle: 36 CPU s, nobody asked anything
      scrape(7200, 40, { "patient-data": c(20, undefined) }), // stored before _sum was kept
    ];
    const r = classCost(s, 0, 7200_000, { ...DEFAULT_PRICES, gibHour: 0 });
    expect(r.intervals).toBe(1);
    expect(r.skipped).toBe(1);
    expect(r.idleCpuSeconds).toBe(36);
    expect(r.idleCostUsd).toBeCloseTo((36 / 3600) * DEFAULT_PRICES.vcpuHour, 12);
    expect(r.classes.every((x) => x.costUsd === 0 && x.share === null)).toBe(true);
  });

  it("counts from zero after a restart and charges only the new process's lifetime", () => {
    const s = [
      scrape(0, 500, { "ai-inference": c(1000, 50) }, { start: 0 }),
      // The process restarted 600 s before this scrape: 6 CPU s, 10 requests taking 2 s since then.
      scrape(3600, 6, { "ai-inference": c(10, 2) }, { start: 3000, gib: 2 }),
    ];
    const r = classCost(s, 0, 3600_000, PRICES);
    expect(r.cpuSeconds).toBe(6);
    expect(r.gibHours).toBeCloseTo(2 * (600 / 3600), 12);
    const ai = r.classes.find((x) => x.cls === "ai-inference")!;
    expect(ai.requests).toBe(10);
    expect(ai.costUsd).toBeCloseTo((6 / 3600) * 3.6 + (2 * 600 / 3600) * 1.8, 12);
  });

  it("only counts intervals that end inside the range", () => {
    const s = [scrape(0, 0, { emergency: c(0, 0) }), scrape(60, 6, { emergency: c(6, 6) }), scrape(120, 12, { emergency: c(12, 12) })];
    const r = classCost(s, 60_000, 120_000, PRICES);
    expect(r.intervals).toBe(1);
    expect(r.classes.find((x) => x.cls === "emergency")!.requests).toBe(6);
  });
});
