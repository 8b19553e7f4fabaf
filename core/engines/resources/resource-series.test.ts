import { describe, expect, it } from "vitest";
import { poolCeiling, resourceSeries, type ResourceScrape } from "./resource-series";

const RESERVED = { emergency: 2, "patient-data": 2, "clinical-data": 1, system: 1, "ai-inference": 0 };

/** Four scrapes 15 s apart; the service restarts 5 s before the last one. */
const SCRAPES: ResourceScrape[] = [
  {
    at: 0,
    process: { cpuSeconds: 10, startTimeS: -100, heapUsedBytes: 100, heapLimitBytes: 1000, eventLoopLagP99S: 0.002, residentBytes: 5000 },
    admission: { limit: { "patient-data": 10 }, inFlight: { "patient-data": 3 }, rejected: {} },
    pool: { size: 10, inUse: { "ai-inference": 1 }, reserved: RESERVED },
    requests: { "patient-data": { total: 0, bad: 0, le: { "0.01": 0, "0.1": 0, "1": 0 } } },
  },
  {
    at: 15_000,
    process: { cpuSeconds: 13, startTimeS: -100, heapUsedBytes: 400, heapLimitBytes: 1000, eventLoopLagP99S: 0.004, residentBytes: 7000 },
    admission: { limit: { "patient-data": 10 }, inFlight: { "patient-data": 8 }, rejected: { "ai-inference": { concurrency: 5 } } },
    pool: { size: 10, inUse: { "ai-inference": 2 }, reserved: RESERVED },
    requests: { "patient-data": { total: 100, bad: 0, le: { "0.01": 50, "0.1": 90, "1": 100 } } },
  },
  {
    at: 30_000,
    process: { cpuSeconds: 25, startTimeS: -100, heapUsedBytes: 900, heapLimitBytes: 1000, eventLoopLagP99S: 0.05, residentBytes: 9000 },
    admission: { limit: { "patient-data": 10 }, inFlight: { "patient-data": 10 }, rejected: { "ai-inference": { concurrency: 25 }, "patient-data": { rate_limit: 4 } } },
    pool: { size: 10, inUse: { "ai-inference": 4, "patient-data": 4 }, reserved: RESERVED },
    requests: { "patient-data": { total: 200, bad: 0, le: { "0.01": 140, "0.1": 190, "1": 200 } } },
  },
  {
    // Restarted at t = 40 s: counters start again from zero.
    at: 45_000,
    process: { cpuSeconds: 1.5, startTimeS: 40, heapUsedBytes: 200, heapLimitBytes: 1000, eventLoopLagP99S: 0.001, residentBytes: 4000 },
    admission: { limit: { "patient-data": 20 }, inFlight: { "patient-data": 0 }, rejected: { "ai-inference": { concurrency: 2 } } },
    pool: { size: 10, inUse: { "ai-inference": 0, "patient-data": 0 }, reserved: RESERVED },
    requests: { "patient-data": { total: 20, bad: 0, le: { "0.01": 20, "0.1": 20, "1": 20 } } },
  },
];

describe("resource series from consecutive scrapes", () => {
  it("computes each 15 s interval: CPU share of a core, memory share, lag, in-flight/limit, rejections, pool share, p95", () => {
    const s = resourceSeries(SCRAPES, 0, 45_000, 15);
    expect(s.points.map((p) => p.at)).toEqual([15_000, 30_000, 45_000]);
    // CPU: 3 s over 15 s, 12 s over 15 s; after the restart 1.5 s over the 5 s the new process ran.
    expect(s.points.map((p) => p.cpu)).toEqual([0.2, 0.8, 0.3]);
    expect(s.points.map((p) => p.memory)).toEqual([0.4, 0.9, 0.2]);
    expect(s.points.map((p) => p.lagP99S)).toEqual([0.004, 0.05, 0.001]);
    expect(s.points.map((p) => p.inFlight["patient-data"])).toEqual([8, 10, 0]);
    expect(s.points.map((p) => p.limit["patient-data"])).toEqual([10, 10, 20]);
    expect(s.points.map((p) => p.limit["ai-inference"])).toEqual([null, null, null]);
    // Counter deltas: 0→5→25, then the restart counts from zero (2, not 2 − 25).
    expect(s.points.map((p) => p.rejected["ai-inference"]!.concurrency)).toEqual([5, 20, 2]);
    expect(s.points.map((p) => p.rejected["patient-data"]!.rate_limit)).toEqual([0, 4, 0]);
    // AI inference may hold 10 − (2 + 2 + 1 + 1) = 4 connections; patient data 10 − 2 = 8.
    expect(s.points.map((p) => p.pool["ai-inference"])).toEqual([0.5, 1, 0]);
    expect(s.points.map((p) => p.pool["patient-data"])).toEqual([null, 0.5, 0]);
    // p95 of 100 requests: rank 95 in (0.1, 1] holding 90..100 → 0.1 + 0.9 × 5/10 = 0.55;
    // then 90 ≤ 0.01 s and 100 ≤ 0.1 s → 0.01 + 0.09 × 5/10 = 0.055; after the restart rank 19 of 20 ≤ 0.01 → 0.0095.
    const p95 = s.points.map((p) => p.p95["patient-data"]!);
    expect(p95[0]).toBeCloseTo(0.55, 12);
    expect(p95[1]).toBeCloseTo(0.055, 12);
    expect(p95[2]).toBeCloseTo(0.0095, 12);
    expect(s.points[0]!.p95.emergency).toBeNull();
    expect(s.intervals).toBe(3);
    expect(s.measured).toBe(true);
  });

  it("evaluates the thresholds on the latest interval only", () => {
    const s = resourceSeries(SCRAPES, 0, 45_000, 45);
    expect(s.latest!.at).toBe(45_000);
    expect(s.thresholds.cpu).toEqual({ value: 0.3, threshold: 0.7, within: true });
    expect(s.thresholds.memory).toEqual({ value: 0.2, threshold: 0.8, within: true });
    expect(s.thresholds.pool["ai-inference"]).toEqual({ value: 0, threshold: 0.8, within: true });
    expect(s.thresholds.pool.emergency).toEqual({ value: null, threshold: 0.8, within: null });
    // Ending at 30 s, the latest interval is over every threshold it measures.
    const over = resourceSeries(SCRAPES.slice(0, 3), 0, 30_000, 15);
    expect(over.thresholds.cpu.within).toBe(false);
    expect(over.thresholds.memory.within).toBe(false);
    expect(over.thresholds.pool["ai-inference"]!.within).toBe(false);
    expect(over.thresholds.pool["patient-data"]!.within).toBe(true);
  });

  it("sums a longer step: CPU and p95 from the summed growth, rejections summed, gauges averaged", () => {
    const [p] = resourceSeries(SCRAPES, 0, 45_000, 45).points;
    expect(p!.cpu).toBeCloseTo((3 + 12 + 1.5) / (15 + 15 + 5), 12);
    expect(p!.memory).toBeCloseTo((0.4 + 0.9 + 0.2) / 3, 12);
    expect(p!.inFlight["patient-data"]).toBe(6);
    expect(p!.rejected["ai-inference"]!.concurrency).toBe(27);
    // 220 requests: 160 ≤ 0.01 s, 210 ≤ 0.1 s; rank 209 → 0.01 + 0.09 × 49/50.
    expect(p!.p95["patient-data"]).toBeCloseTo(0.01 + 0.09 * (49 / 50), 12);
  });

  it("reads rows stored before the resource fields existed as unmeasured, never as zero", () => {
    const old: ResourceScrape[] = [
      { at: 0, requests: { emergency: { total: 0, bad: 0, le: { "1": 0 } } } },
      { at: 15_000, requests: { emergency: { total: 10, bad: 0, le: { "1": 10 } } } },
    ];
    const s = resourceSeries(old, 0, 15_000, 15);
    expect(s.measured).toBe(false);
    expect(s.points[0]).toMatchObject({ cpu: null, memory: null, lagP99S: null, inFlight: { emergency: null }, rejected: { emergency: { concurrency: null } }, pool: { emergency: null } });
    // The request histogram is in the old rows too: 10 requests ≤ 1 s, rank 9.5 → 0 + 1 × 9.5/10.
    expect(s.points[0]!.p95.emergency).toBeCloseTo(0.95, 12);
    expect(s.thresholds.cpu.within).toBeNull();
    // A first row with the fields after old ones: gauges count, counters need two rows that have them.
    const mixed = resourceSeries([...old, { ...SCRAPES[1]!, at: 30_000 }], 0, 30_000, 15);
    expect(mixed.points[1]).toMatchObject({ cpu: null, memory: 0.4, rejected: { "ai-inference": { concurrency: null } } });
  });

  it("leaves steps without a scrape empty, and an empty history unmeasured", () => {
    const s = resourceSeries(SCRAPES.slice(0, 2), 0, 60_000, 15);
    expect(s.points.map((p) => p.cpu)).toEqual([0.2, null, null, null]);
    expect(resourceSeries([], 0, 60_000, 15)).toMatchObject({ latest: null, intervals: 0, measured: false, thresholds: { cpu: { within: null } } });
  });

  it("computes a class's connection ceiling from the reservations above it", () => {
    expect(poolCeiling("emergency", 10, RESERVED)).toBe(10);
    expect(poolCeiling("system", 10, RESERVED)).toBe(5);
    expect(poolCeiling("ai-inference", 10, RESERVED)).toBe(4);
    expect(poolCeiling("ai-inference", undefined, RESERVED)).toBeNull();
    expect(poolCeiling("unknown", 10, RESERVED)).toBeNull();
  });
});
