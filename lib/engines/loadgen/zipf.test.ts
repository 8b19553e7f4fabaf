import { describe, expect, it } from "vitest";
import { zipfSampler } from "./zipf";
import { mulberry32 } from "../random";

describe("zipfSampler", () => {
  it("is uniform at s = 0 and skewed towards low ranks at s = 1", () => {
    const draw = (s: number) => {
      const next = zipfSampler(100, s, mulberry32(1));
      const counts = new Array(101).fill(0);
      for (let i = 0; i < 20_000; i++) counts[next()]++;
      return counts;
    };
    const uniform = draw(0);
    expect(Math.max(...uniform.slice(1)) / 20_000).toBeLessThan(0.02);
    const skewed = draw(1);
    // P(1) = 1 / H(100) ~= 0.193
    expect(skewed[1] / 20_000).toBeCloseTo(0.193, 1);
    expect(skewed[1]).toBeGreaterThan(skewed[10] * 5);
  });
});
