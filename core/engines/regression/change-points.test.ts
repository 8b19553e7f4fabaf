import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { detectChangePoints, effectiveBaselineStart } from "./change-points";
import { gaussian } from "./normal";

function series(seed: number, n: number, shiftAt = -1, shift = 1.1, sd = 0.02): number[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => 100 * (i >= shiftAt && shiftAt >= 0 ? shift : 1) * (1 + sd * gaussian(rand)));
}

describe("detectChangePoints", () => {
  it("finds a 10% mean shift at index 100 within ±3 (20 seeded series)", () => {
    for (let s = 0; s < 20; s++) {
      const xs = series(s, 150, 100);
      const points = detectChangePoints(xs, { seed: s });
      expect(points).toHaveLength(1);
      expect(Math.abs(points[0]!.index - 100)).toBeLessThanOrEqual(3);
      expect(points[0]!.after / points[0]!.before).toBeCloseTo(1.1, 1);
      expect(points[0]!.p).toBeLessThanOrEqual(0.001);
      expect(effectiveBaselineStart(xs, { seed: s })).toBe(points[0]!.index);
    }
  });

  it("finds two shifts in a longer history", () => {
    const rand = mulberry32(42);
    const xs = Array.from({ length: 200 }, (_, i) => (i < 60 ? 100 : i < 140 ? 115 : 105) * (1 + 0.02 * gaussian(rand)));
    expect(detectChangePoints(xs).map((p) => p.index)).toEqual([60, 140]);
  });

  it("flat series: no change points in ≥ 99 of 100 seeded trials, 200 points in < 200 ms", () => {
    let falseAlarms = 0;
    for (let s = 0; s < 100; s++) if (detectChangePoints(series(10_000 + s, 150), { seed: s }).length > 0) falseAlarms++;
    console.log(`[regression] change points on flat series: ${falseAlarms}/100 with a false alarm`);
    expect(falseAlarms).toBeLessThanOrEqual(1);
    const started = performance.now();
    detectChangePoints(series(7, 200, 120));
    const elapsed = performance.now() - started;
    console.log(`[regression] change points on 200 points: ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(200);
    expect(effectiveBaselineStart(series(8, 150))).toBe(0);
  });
});
