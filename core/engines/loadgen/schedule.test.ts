import { describe, expect, it } from "vitest";
import { arrivalOffsets, plannedArrivals } from "./schedule";

describe("arrival schedule", () => {
  it("spaces a constant rate evenly: 4 req/s for 2 s starts every 250 ms", () => {
    expect([...arrivalOffsets(4, [{ durationS: 2, target: 4 }])]).toEqual([250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
  });

  it("ramps linearly: 0 -> 10 req/s over 2 s plans 10 starts, denser at the end", () => {
    const t = [...arrivalOffsets(0, [{ durationS: 2, target: 10 }])];
    expect(t).toHaveLength(10);
    // N(t) = 2.5 t^2, so the first start is at sqrt(0.4) s and the last at 2 s.
    expect(t[0]).toBeCloseTo(Math.sqrt(0.4) * 1000, 6);
    expect(t[9]).toBeCloseTo(2000, 6);
    const gaps = t.slice(1).map((v, i) => v - t[i]!);
    expect(gaps.every((g, i) => i === 0 || g < gaps[i - 1]!)).toBe(true);
  });

  it("chains stages: 10 -> 10 for 1 s then 10 -> 0 over 1 s plans 15 starts", () => {
    expect(plannedArrivals(10, [{ durationS: 1, target: 10 }, { durationS: 1, target: 0 }])).toBe(15);
  });
});
