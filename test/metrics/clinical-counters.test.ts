import { describe, expect, it } from "vitest";
import { createClinicalMetrics } from "../../clinical/src/metrics/registry";
import { clinicalCounters, counterIncrease, countersFor } from "@/core/metrics/clinical-counters";
import { parseExposition } from "@/core/metrics/parse-exposition";

describe("clinical counters from a real prom-client exposition", () => {
  it("sums requests, failures (5xx and 429) and latency buckets by priority class", async () => {
    const m = createClinicalMetrics();
    const obs = (priority_class: string, status_code: string, s: number) => m.httpDuration.observe({ route: "/r", method: "GET", status_code, priority_class }, s);
    obs("emergency", "201", 0.2);
    obs("emergency", "503", 6);
    obs("patient-data", "200", 0.3);
    obs("patient-data", "200", 1.5);
    obs("patient-data", "429", 0.001);
    obs("patient-data", "404", 0.01);
    const c = clinicalCounters(await m.registry.metrics());
    expect(c.emergency).toMatchObject({ total: 2, bad: 1 });
    expect(c.emergency!.le["5"]).toBe(1);
    expect(c["patient-data"]).toMatchObject({ total: 4, bad: 1 });
    expect(c["patient-data"]!.le["1"]).toBe(3);
    expect(countersFor(c, "all")).toMatchObject({ total: 6, bad: 2 });
    // The request time per class (histogram _sum), which cost attribution divides CPU by.
    expect(c.emergency!.sumS).toBeCloseTo(6.2, 9);
    expect(c["patient-data"]!.sumS).toBeCloseTo(1.811, 9);
    expect(countersFor(c, "all").sumS).toBeCloseTo(8.011, 9);
  });

  it("parses labels with escapes and skips comments and other metrics", () => {
    const text = '# HELP x y\nx_total{a="q\\"uote",b="2"} 3\nother 1\nx_total 4\n';
    expect(parseExposition(text, (n) => n === "x_total")).toEqual([
      { name: "x_total", labels: { a: 'q"uote', b: "2" }, value: 3 },
      { name: "x_total", labels: {}, value: 4 },
    ]);
  });

  it("counts a counter drop as a restart, like Prometheus' increase()", () => {
    expect(counterIncrease([10, 15, 20])).toBe(10);
    expect(counterIncrease([10, 15, 3, 8])).toBe(5 + 3 + 5);
    expect(counterIncrease([7])).toBe(0);
  });
});
