import { describe, expect, it } from "vitest";
import { evaluateThresholds, parseThreshold, parseThresholdLine } from "./thresholds";

const summary = { count: 100, meanMs: 40, p50: 30, p90: 80, p95: 120, p99: 400, p999: 900, max: 1000 };
const run = { latencyMs: summary, errorRate: 0.02, throughput: 150, durationS: 10, endpoints: { "patient read": { ...summary, p95: 1500, requests: 500, errors: 0 } } };

describe("thresholds", () => {
  it("parses k6-style expressions and rejects others with the accepted forms", () => {
    expect(parseThreshold("p(95) < 2000")).toEqual({ metric: "p(95)", op: "<", value: 2000 });
    expect(parseThreshold("rps>=100")).toEqual({ metric: "rps", op: ">=", value: 100 });
    expect(() => parseThreshold("p95 < 2 seconds")).toThrow(/use p\(95\) < 2000/);
  });

  it("parses a threshold line with an optional endpoint after @", () => {
    expect(parseThresholdLine("p(95) < 1000 @ patient lookup: read patient", true)).toEqual({ scope: "patient lookup: read patient", expression: "p(95) < 1000", abortOnFail: true });
    expect(parseThresholdLine("error_rate < 0.01")).toEqual({ scope: "overall", expression: "error_rate < 0.01" });
    expect(() => parseThresholdLine("p(95) < 1000 @ ")).toThrow(/names no endpoint/);
  });

  it("evaluates overall and per-endpoint thresholds against measured values", () => {
    const v = evaluateThresholds([
      { scope: "overall", expression: "p(95) < 2000" },
      { scope: "overall", expression: "error_rate < 0.01" },
      { scope: "patient read", expression: "p(95) < 1000" },
      { scope: "patient read", expression: "rps >= 50" },
      { scope: "missing endpoint", expression: "p(99) < 1" },
    ], run);
    expect(v.map((x) => [x.ok, x.actual])).toEqual([[true, 120], [false, 0.02], [false, 1500], [true, 50], [false, null]]);
  });

  it("checks a data class's successful throughput against its floor", () => {
    const withClasses = { ...run, classes: { "patient-data": { requests: 1200, errors: 100 }, "ai-inference": { requests: 200, errors: 0 } } };
    const v = evaluateThresholds([
      { scope: "class:patient-data", expression: "rps >= 100" },
      { scope: "class:ai-inference", expression: "rps >= 30" },
      { scope: "class:clinical-data", expression: "rps >= 80" },
    ], withClasses);
    // 1,100 good patient-data answers in 10 s = 110/s; 20/s of AI inference; no clinical data at all.
    expect(v.map((x) => [x.ok, x.actual])).toEqual([[true, 110], [false, 20], [false, null]]);
  });
});
