import { describe, expect, it } from "vitest";
import { settleTime } from "./settle";

const trace = (values: number[]) => values.map((value, t) => ({ t, value }));

describe("settleTime", () => {
  it("is the time from `from` to the first sample after which all stay within ±10 % of the tail's median", () => {
    // tail (last 3 time units: t 7..10) median 20; 23 at t=5 is outside ±2, 21 at t=6 inside
    expect(settleTime(trace([50, 50, 4, 40, 30, 23, 21, 19, 20, 20, 21]), 2, { tail: 3 })).toBe(4);
  });

  it("allows ±1 request where 10 % is less (small limits move in whole requests)", () => {
    expect(settleTime(trace([4, 9, 10, 8, 9, 9, 10, 9]), 1, { tail: 3 })).toBe(0);
    expect(settleTime(trace([4, 9, 10, 8, 9, 9, 10, 9]), 1, { tail: 3, minBand: 0 })).toBe(6); // only the last 9 is within ±0.9
  });

  it("is null when the last sample is outside the band, and for no samples", () => {
    expect(settleTime(trace([20, 20, 20, 20, 20, 40]), 0, { tail: 3 })).toBeNull();
    expect(settleTime([], 0, { tail: 3 })).toBeNull();
  });
});
