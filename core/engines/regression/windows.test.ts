import { describe, expect, it } from "vitest";
import { plannedWindows, shortestVerdictDurationS, steadyWindowCount, windowSecondsFor } from "./windows";

describe("window length follows the run length", () => {
  it("counts complete steady-state windows as the recorder lays them out", () => {
    // 60 s, 10% warm-up: keep from second 6; 10-second windows start at 10..50 → 5 of them.
    expect(steadyWindowCount(60, 10)).toBe(5);
    // 5-second windows: 10, 15, …, 55 → 10.
    expect(steadyWindowCount(60, 5)).toBe(10);
    expect(steadyWindowCount(300, 10)).toBe(27);
  });

  it("picks the longest window giving ten steady windows: 60 s → 5 s, 120 s and up → 10 s, short runs → 2 s", () => {
    expect([30, 60, 70, 119, 120, 300, 3600].map(windowSecondsFor)).toEqual([2, 5, 5, 5, 10, 10, 10]);
    expect(plannedWindows(60)).toEqual({ windowS: 5, windows: 10 });
    // The console's and the CLI's usual lengths both reach at least ten windows (a verdict).
    for (const d of [60, 120]) expect(plannedWindows(d).windows).toBeGreaterThanOrEqual(10);
  });

  it("names the shortest run that can reach a verdict (6 windows a side)", () => {
    expect(shortestVerdictDurationS()).toBe(14);
    expect(plannedWindows(13).windows).toBe(5);
    expect(plannedWindows(14).windows).toBe(6);
  });
});
