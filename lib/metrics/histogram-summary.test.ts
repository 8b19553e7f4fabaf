import { describe, expect, it } from "vitest";
import { summarizeHistogram } from "./histogram-summary";

const bucket = (route: string, le: string, value: number) => ({ metricName: "h_bucket", labels: { route, le }, value });

describe("summarizeHistogram", () => {
  it("finds the bucket holding the 75th percentile for each label set", () => {
    // /a: 4 observations: 1 in <=0.1, 2 more in <=0.5, 1 more in <=1 -> 75% (3rd) falls in le=0.5
    const rows = summarizeHistogram([
      bucket("/a", "0.1", 1), bucket("/a", "0.5", 3), bucket("/a", "1", 4), bucket("/a", "+Inf", 4),
      bucket("/b", "0.1", 0), bucket("/b", "0.5", 0), bucket("/b", "1", 1), bucket("/b", "+Inf", 2),
      { metricName: "h_sum", labels: { route: "/a" }, value: 1.7 },
    ]);
    expect(rows).toEqual([
      { labels: { route: "/a" }, count: 4, p75: 0.5 },
      { labels: { route: "/b" }, count: 2, p75: Infinity },
    ]);
  });

  it("skips label sets with no observations", () => {
    expect(summarizeHistogram([bucket("/c", "0.1", 0), bucket("/c", "+Inf", 0)])).toEqual([]);
  });
});
