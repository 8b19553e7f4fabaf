import { describe, expect, it } from "vitest";
import { zipfSampler } from "./zipf";
import { mulberry32 } from "../random";

/** H(100) = Σ 1/k for k = 1..100, the normaliser of Zipf with s = 1 over 100 ranks. */
const H100 = 5.187377517639621;

/** A "random" source that returns the given values in turn: the sampler's inverse CDF, read exactly. */
const fixed = (...us: number[]) => {
  let i = 0;
  return () => us[i++]!;
};

describe("zipfSampler", () => {
  it("inverts the CDF exactly at s = 1: rank k covers (H(k−1), H(k)] / H(100)", () => {
    // P(1) = 1/H = 0.192776…, P(1) + P(2) = 1.5/H = 0.289165…, P(1..3) = 1.8333…/H = 0.353420…
    const draw = zipfSampler(100, 1, fixed(0, 0.1927, 0.1928, 0.2891, 0.2892, 0.3534, 0.3535, 0.99999));
    expect(Array.from({ length: 8 }, draw)).toEqual([1, 1, 2, 2, 3, 3, 4, 100]);
  });

  it("is exactly uniform at s = 0", () => {
    const draw = zipfSampler(100, 0, fixed(0, 0.0099, 0.01, 0.5, 0.999));
    expect(Array.from({ length: 5 }, draw)).toEqual([1, 1, 2, 51, 100]);
  });

  it("with a seeded source, rank frequencies match 1/(k·H) within 4 standard errors", () => {
    const n = 100_000;
    const next = zipfSampler(100, 1, mulberry32(1));
    const counts = new Array<number>(101).fill(0);
    for (let i = 0; i < n; i++) counts[next()]!++;
    for (const k of [1, 2, 3, 10, 50, 100]) {
      const p = 1 / (k * H100);
      const se = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(counts[k]! - n * p), `rank ${k}`).toBeLessThan(4 * se);
    }
    // The top 10 ranks: H(10)/H(100) = 2.928968/5.187378 = 0.564635.
    const top10 = counts.slice(1, 11).reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(top10 - 0.564635)).toBeLessThan(4 * Math.sqrt((0.564635 * 0.435365) / n));
  });
});
