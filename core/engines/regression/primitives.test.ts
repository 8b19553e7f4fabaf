import { describe, expect, it } from "vitest";
import { bootstrapRatioCI, median, percentile } from "./bootstrap";
import { fisherGreater, logGamma } from "./fisher";
import { holm, holmAdjusted } from "./holm";
import { exactUpperTail, mannWhitneyGreater, mannWhitneyLess } from "./mann-whitney";
import { erfc } from "./normal";
import { trimWarmup, windowCount, windowIndex } from "./windows";

describe("mann-whitney", () => {
  it("exact p for fully separated 3 vs 3 is 1/20", () => {
    const r = mannWhitneyGreater([1, 2, 3], [4, 5, 6]);
    expect(r).toMatchObject({ u: 9, exact: true });
    expect(r.p).toBeCloseTo(0.05, 12);
  });
  it("exact p for U = 6 with 3 vs 3 is 7/20 (hand-counted 1,1,2,3,3,3,3,2,1,1)", () => {
    const r = mannWhitneyGreater([1, 2, 7], [4, 5, 6]);
    expect(r.u).toBe(6);
    expect(r.p).toBeCloseTo(0.35, 12);
  });
  it("exact distribution sums to 1 and matches scipy for 10 vs 12", () => {
    expect(exactUpperTail(4, 5, 0)).toBeCloseTo(1, 12);
    const x = [1.1, 2.3, 3.5, 4.2, 5.9, 6.1, 7.7, 8.0, 9.4, 10.2];
    const y = [3.3, 4.8, 6.6, 7.1, 8.9, 9.9, 11.5, 12.1, 13.0, 14.4, 15.2, 16.8];
    expect(mannWhitneyGreater(x, y).p).toBeCloseTo(0.010290019577945274, 10);
    expect(mannWhitneyLess(y, x).p).toBeCloseTo(0.010290019577945274, 10);
  });
  it("normal approximation with ties and continuity correction matches scipy", () => {
    const b = [1, 2, 2, 3, 4, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
    const c = [3, 4, 5, 5, 6, 7, 8, 9, 9, 10, 12, 13, 14, 15, 16, 18, 19, 20, 22, 23, 24, 25, 26, 27, 28];
    const g = mannWhitneyGreater(b, c);
    expect(g.exact).toBe(false);
    expect(g.u).toBe(409.5);
    expect(g.p).toBeCloseTo(0.030474840934326414, 6);
    expect(mannWhitneyLess(b, c).p).toBeCloseTo(0.9708395817053228, 6);
  });
  it("degenerate inputs give p = 1", () => {
    expect(mannWhitneyGreater([], [1, 2]).p).toBe(1);
    expect(mannWhitneyGreater([5, 5, 5], [5, 5, 5]).p).toBe(1);
  });
  it("erfc is accurate in the tail", () => {
    expect(erfc(0)).toBeCloseTo(1, 6);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 6);
  });
});

describe("holm", () => {
  it("textbook step-down example", () => {
    const p = [0.01, 0.04, 0.03, 0.005];
    expect(holm(p, 0.05)).toEqual([true, false, false, true]);
    holmAdjusted(p).forEach((v, i) => expect(v).toBeCloseTo([0.03, 0.06, 0.06, 0.02][i]!, 12));
  });
  it("stops at the first non-rejection even if a later p is small enough for its own level", () => {
    expect(holm([0.02, 0.026], 0.05)).toEqual([true, true]);
    // 0.04 ≤ α/1 on its own, but 0.03 > α/2 fails first, so nothing is rejected.
    expect(holm([0.03, 0.04], 0.05)).toEqual([false, false]);
    expect(holm([], 0.05)).toEqual([]);
  });
});

describe("percentile / median / bootstrap", () => {
  it("linear interpolation like numpy", () => {
    expect(percentile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([7, 1, 3])).toBe(3);
    expect(percentile([], 0.5)).toBeNaN();
  });
  it("bootstrap CI brackets the ratio and is reproducible with a seed", () => {
    const b = Array.from({ length: 30 }, (_, i) => 100 + (i % 7));
    const c = b.map((v) => v * 1.2);
    const a = bootstrapRatioCI(b, c, median, { seed: 3 });
    expect(a.ratio).toBeCloseTo(1.2, 12);
    expect(a.lower).toBeLessThanOrEqual(1.2 + 1e-9);
    expect(a.upper).toBeGreaterThanOrEqual(1.2 - 1e-9);
    expect(bootstrapRatioCI(b, c, median, { seed: 3 })).toEqual(a);
  });
});

describe("fisher", () => {
  it("lady tasting tea [[3,1],[1,3]] one-sided p = 17/70", () => {
    expect(fisherGreater(1, 4, 3, 4)).toBeCloseTo(17 / 70, 12);
  });
  it("large totals stay finite and match scipy", () => {
    expect(fisherGreater(0, 300_000, 10, 300_000)).toBeCloseTo(0.0009764892594711019, 10);
    expect(fisherGreater(80, 300_000, 130, 300_000) / 0.0003416529246004255).toBeCloseTo(1, 7);
    expect(fisherGreater(10, 1000, 25, 1000)).toBeCloseTo(0.007874852761073203, 10);
    expect(fisherGreater(10, 300_000, 0, 300_000)).toBeCloseTo(1, 8);
    expect(fisherGreater(0, 300_000, 0, 300_000)).toBe(1);
    expect(Number.isNaN(fisherGreater(150_000, 300_000, 151_000, 300_000))).toBe(false);
  });
  it("logGamma matches known values", () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 9);
  });
});

describe("windows", () => {
  it("trims 10% warm-up and indexes 10-second windows", () => {
    expect(trimWarmup(300)).toBe(30);
    expect(windowIndex(30, 30)).toBe(0);
    expect(windowIndex(49, 30)).toBe(1);
    expect(windowIndex(29, 30)).toBe(-1);
    expect(windowCount(300, trimWarmup(300))).toBe(27);
  });
});
