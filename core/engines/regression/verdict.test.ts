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

  it("does not flag a significant change that is below an absolute floor set explicitly", () => {
    // 20 ms p95 (×1.3 on a ~68 ms p95): clearly real, but under a 50 ms floor (--min-effect-ms 50).
    const r = regressionVerdict([{ endpoint, metric: "p95", baseline: run(5, 1, 30), candidate: run(6, 1.3, 30) }], [], { absoluteFloorMs: 50 });
    expect(r.comparisons[0]!.significant).toBe(true);
    expect(r.comparisons[0]!.floorMs).toBe(50);
    expect(r.verdict).toBe("no-change");
    expect(r.explanation.join(" ")).toContain("within normal run-to-run variation");
  });

  it("holds changes to a floor relative to the baseline by default (5% of its p95, at least 1 ms)", () => {
    // A fast endpoint going from 20 to 30 ms: far below the old fixed 50 ms floor, a real regression.
    const fast = regressionVerdict([
      { endpoint, metric: "p50", baseline: run(11, 1, 20), candidate: run(12, 1.5, 20) },
      { endpoint, metric: "p95", baseline: run(11, 1, 20), candidate: run(12, 1.5, 20) },
    ]);
    expect(fast.verdict).toBe("regression");
    const p95 = fast.comparisons[1]!;
    // Baseline p95 ≈ 20 × e^(1.645 × 0.5) ≈ 45 ms → floor ≈ 2.3 ms, for the p50 row too.
    expect(p95.floorMs).toBeCloseTo(0.05 * p95.baselineValue, 10);
    expect(fast.comparisons[0]!.floorMs).toBe(p95.floorMs);
    const tiny = regressionVerdict([{ endpoint, metric: "p95", baseline: [1, 2, 3, 4, 5, 6].map((x) => 0.1 + x / 1000), candidate: [1, 2, 3, 4, 5, 6].map((x) => 0.5 + x / 1000) }]);
    expect(tiny.comparisons[0]!.floorMs).toBe(1);
    expect(tiny.verdict).toBe("no-change"); // ×5, but 0.4 ms is under the 1 ms minimum
  });

  it("says how many more windows are needed when data is short", () => {
    const r = regressionVerdict([{ endpoint, metric: "p99", baseline: run(7).slice(0, 3), candidate: run(8, 2) }]);
    expect(r).toMatchObject({ verdict: "inconclusive", enoughData: false });
    expect(r.comparisons[0]).toMatchObject({ outcome: "insufficient-data", windowsNeeded: 3 });
    expect(r.explanation[0]).toBe("Inconclusive — not enough data: need 3 more ten-second windows per run before we can judge.");
  });

  it("distinguishes 'no significant change' (a verdict) from 'not enough data' (inconclusive)", () => {
    const r = regressionVerdict([{ endpoint, metric: "p95", baseline: run(9), candidate: run(10) }]);
    expect(r).toMatchObject({ verdict: "no-change", enoughData: true });
    expect(r.explanation[0]).toBe("No significant change detected (27 ten-second windows each).");
  });

  it("judges the checks with enough data and names those without (a rare endpoint does not block the verdict)", () => {
    const r = regressionVerdict([
      { endpoint, metric: "p95", baseline: run(9), candidate: run(10) },
      { endpoint: "emergency alert: stat alert", metric: "p95", baseline: [120, 130], candidate: [125] },
    ]);
    expect(r).toMatchObject({ verdict: "no-change", enoughData: false });
    expect(r.explanation[0]).toBe("No significant change detected (27 ten-second windows each). 1 of 2 checks had too little data to be tested (named below).");
    expect(r.explanation[1]).toMatch(/^emergency alert: stat alert p95: not enough data — need 5 more/);
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
    // No latency check could be tested: error rates alone leave the verdict inconclusive.
    expect(small.verdict).toBe("inconclusive");
  });
});
