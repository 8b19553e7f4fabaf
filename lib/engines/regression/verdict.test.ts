import { describe, expect, it } from "vitest";
import { simulateRunWindows } from "./synthetic";
import { regressionVerdict } from "./verdict";

const endpoint = "GET /fhir/Patient/:id";
const run = (seed: number, shift = 1, medianMs = 100) => simulateRunWindows(seed, { shift, medianMs, machineNoiseSd: 0 });

describe("regressionVerdict", () => {
  it("simulated 5-minute runs give 27 steady-state windows", () => {
    expect(run(1)).toHaveLength(27);
  });

  it("flags a large p95 regression and explains it in plain words", () => {
    const r = regressionVerdict([{ endpoint, metric: "p95", baseline: run(1), candidate: run(2, 1.5) }]);
    expect(r.verdict).toBe("regression");
    expect(r.enoughData).toBe(true);
    const c = r.comparisons[0]!;
    expect(c).toMatchObject({ outcome: "regression", significant: true, requiredRatio: 1.06 });
    expect(c.lower).toBeGreaterThan(1.06);
    expect(c.absoluteDeltaMs).toBeGreaterThan(50);
    expect(r.explanation[1]).toMatch(
      /^GET \/fhir\/Patient\/:id p95 rose from \d+ ms to \d+ ms \(×1\.\d\d, 95% confidence range ×1\.\d\d–×1\.\d\d\) across 27 ten-second windows per run; the chance of seeing this by noise alone is below 0\.1%\.$/,
    );
  });

  it("reports an improvement as the mirror image", () => {
    const r = regressionVerdict([{ endpoint, metric: "p95", baseline: run(3, 1.5), candidate: run(4) }]);
    expect(r.verdict).toBe("improvement");
    expect(r.comparisons[0]!.outcome).toBe("improvement");
    expect(r.explanation.join(" ")).toContain("fell from");
  });

  it("does not flag a significant change that is below the absolute floor", () => {
    // 20 ms p95 (×1.3 on a ~68 ms p95): clearly real, but under the 50 ms floor.
    const r = regressionVerdict([{ endpoint, metric: "p95", baseline: run(5, 1, 30), candidate: run(6, 1.3, 30) }]);
    expect(r.comparisons[0]!.significant).toBe(true);
    expect(r.verdict).toBe("inconclusive");
    expect(r.explanation.join(" ")).toContain("within normal run-to-run variation");
  });

  it("says how many more windows are needed when data is short", () => {
    const r = regressionVerdict([{ endpoint, metric: "p99", baseline: run(7).slice(0, 3), candidate: run(8, 2) }]);
    expect(r).toMatchObject({ verdict: "inconclusive", enoughData: false });
    expect(r.comparisons[0]).toMatchObject({ outcome: "insufficient-data", windowsNeeded: 3 });
    expect(r.explanation[0]).toBe("Inconclusive — not enough data: need 3 more ten-second windows per run before we can judge.");
  });

  it("distinguishes 'no significant change' from 'not enough data'", () => {
    const r = regressionVerdict([{ endpoint, metric: "p95", baseline: run(9), candidate: run(10) }]);
    expect(r).toMatchObject({ verdict: "inconclusive", enoughData: true });
    expect(r.explanation[0]).toBe("No significant change detected (27 ten-second windows each).");
  });

  it("Holm-corrects across all endpoint×metric comparisons", () => {
    const base = [1, 2, 3, 4, 5, 6, 7, 8].map((x) => 100 + x);
    const slower = base.map((x) => x + 200);
    const one = regressionVerdict([{ endpoint, metric: "p95", baseline: base, candidate: slower }]);
    const many = regressionVerdict(
      ["a", "b", "c", "d", "e", "f"].map((e) => ({ endpoint: e, metric: "p95" as const, baseline: base, candidate: e === "a" ? slower : base })),
    );
    expect(one.comparisons[0]!.p).toBeCloseTo(1 / 12870, 10); // exact: 1 / C(16, 8)
    expect(many.comparisons[0]!.pHolm).toBeCloseTo(6 / 12870, 10);
    expect(many.comparisons.map((c) => c.outcome)).toEqual(["regression", ...Array(5).fill("no-change")]);
  });

  it("error rates: significant and ≥ 0.1 percentage points → regression", () => {
    const big = regressionVerdict([], [{ endpoint, baselineErrors: 30, baselineTotal: 300_000, candidateErrors: 400, candidateTotal: 300_000 }]);
    expect(big.verdict).toBe("regression");
    expect(big.errors[0]!.deltaPercentagePoints).toBeCloseTo(0.12333, 4);
    expect(big.explanation[1]).toContain("error rate rose from 0.01% to 0.13% (30 of 300,000 requests before, 400 of 300,000 after)");
    // Highly significant but only +0.05 points: not a regression.
    const small = regressionVerdict([], [{ endpoint, baselineErrors: 0, baselineTotal: 300_000, candidateErrors: 150, candidateTotal: 300_000 }]);
    expect(small.errors[0]!.significant).toBe(true);
    expect(small.verdict).toBe("inconclusive");
  });
});
