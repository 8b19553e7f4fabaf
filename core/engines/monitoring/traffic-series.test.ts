import { describe, expect, it } from "vitest";
import { SLOS } from "../slo/definitions";
import { burnSeries } from "./burn-series";
import { chooseStepS, histogramQuantile, trafficSeries } from "./traffic-series";

describe("traffic series from scraped counters", () => {
  it("interpolates quantiles inside buckets like histogram_quantile, capped at the top finite bound", () => {
    // 100 requests: 50 ≤ 0.01 s, 90 ≤ 0.1 s, 100 ≤ 1 s.
    const le = { "0.01": 50, "0.1": 90, "1": 100 };
    expect(histogramQuantile(0.5, le, 100)).toBeCloseTo(0.01, 9);
    expect(histogramQuantile(0.95, le, 100)).toBeCloseTo(0.1 + 0.9 * 0.5, 9);
    expect(histogramQuantile(0.99, { "0.01": 10 }, 100)).toBe(0.01);
    expect(histogramQuantile(0.5, {}, 0)).toBeNull();
  });

  it("sums scrape-to-scrape growth into steps, per key, treating a drop as a restart", () => {
    const s = (at: number, total: number, bad: number, fast: number) => ({ at, counters: { emergency: { total, bad, le: { "0.1": fast, "5": total } } } });
    const samples = [s(0, 0, 0, 0), s(10_000, 100, 0, 100), s(20_000, 300, 10, 250), s(30_000, 50, 50, 0)];
    const { points, totals, keys } = trafficSeries(samples, 0, 30_000, 10);
    expect(keys).toEqual(["emergency"]);
    expect(points.map((p) => p.byKey.emergency!.requests)).toEqual([100, 200, 50]);
    expect(points[0]!.byKey.emergency!.rps).toBe(10);
    expect(points[1]!.byKey.emergency!.errorRatio).toBeCloseTo(10 / 200, 9);
    expect(points[2]!.byKey.emergency!.errorRatio).toBe(1);
    expect(totals.emergency).toMatchObject({ total: 350, bad: 60 });
    // Step 2: 150 of 200 within 0.1 s; p95 falls in the (0.1, 5] bucket.
    expect(points[1]!.byKey.emergency!.p50).toBeLessThanOrEqual(0.1);
    expect(points[1]!.byKey.emergency!.p95).toBeGreaterThan(0.1);
  });

  it("gives burn rates per SLO per step: 1% errors against a 99.9% objective burns at 10", () => {
    const bins: Parameters<typeof burnSeries>[0] = [{ at: 1, counts: { "clinical-data": { total: 1000, bad: 10, le: { "0.5": 1000 } } } }, { at: 2, counts: {} }];
    const [first, second] = burnSeries(bins, SLOS);
    expect(first!.bySlo["clinical-data-availability"]).toBeCloseTo(10, 6);
    expect(first!.bySlo["clinical-data-latency"]).toBe(0);
    expect(first!.bySlo["emergency-availability"]).toBeNull();
    expect(first!.bySlo["all-availability"]).toBeCloseTo(10, 6);
    expect(second!.bySlo["clinical-data-availability"]).toBeNull();
  });

  it("never uses a step shorter than the scrape interval, and caps the point count", () => {
    expect(chooseStepS(3600, 15)).toBe(30);
    expect(chooseStepS(600, 15)).toBe(15);
    expect(3600 / chooseStepS(3600, 2)).toBeLessThanOrEqual(120);
  });
});
