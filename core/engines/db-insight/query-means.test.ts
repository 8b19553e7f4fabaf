import { describe, expect, it } from "vitest";
import { meanChanges, windowMeans, type StatementCounters } from "./query-means";

const s = (queryId: string, calls: number, totalMs: number): StatementCounters => ({ queryId, name: `q${queryId}`, query: `SELECT ${queryId}`, calls, totalMs });

describe("windowMeans", () => {
  it("takes the calls and time gained between two snapshots", () => {
    const w = windowMeans([s("1", 10, 1000), s("2", 5, 50)], [s("1", 30, 3000), s("2", 5, 50), s("3", 4, 8)]);
    expect(w).toEqual([
      { queryId: "1", name: "q1", query: "SELECT 1", calls: 20, meanMs: 100 },
      { queryId: "3", name: "q3", query: "SELECT 3", calls: 4, meanMs: 2 },
    ]);
  });

  it("drops a statement whose counters were reset in between", () => {
    expect(windowMeans([s("1", 10, 1000)], [s("1", 4, 20)])).toEqual([]);
  });
});

describe("meanChanges", () => {
  it("pairs the two windows per statement, largest baseline time first", () => {
    const before = windowMeans([], [s("1", 20, 2000), s("2", 100, 1000), s("4", 1, 1)]);
    const after = windowMeans([], [s("1", 22, 44), s("2", 90, 900)]);
    const c = meanChanges(before, after);
    expect(c.map((x) => [x.queryId, x.meanBeforeMs, x.meanAfterMs, x.ratio])).toEqual([["1", 100, 2, 0.02], ["2", 10, 10, 1]]);
  });
});
