import { describe, expect, it } from "vitest";
import { attainment, burnRate, errorBudget, evaluateAlerts, type SloWindow } from "./burn-rate";
import { sloById } from "./definitions";

const healthy: Record<SloWindow, number | null> = { "5m": 0, "30m": 0, "1h": 0, "2h": 0, "6h": 0, "1d": 0, "3d": 0 };

describe("burn rate", () => {
  it("is the error ratio over the budget fraction", () => {
    expect(burnRate(0.001, 0.999)).toBeCloseTo(1, 10);
    expect(burnRate(0.0144, 0.999)).toBeCloseTo(14.4, 10);
    expect(() => burnRate(0.1, 1)).toThrow(/below 1/);
  });

  it("fires only when both the long and the short window reach the factor", () => {
    const slo = sloById("clinical-data-availability"); // budget 0.001
    const page1h = (ratios: Partial<Record<SloWindow, number | null>>) =>
      evaluateAlerts(slo, { ...healthy, ...ratios }).find((a) => a.long === "1h")!;
    expect(page1h({ "1h": 0.02, "5m": 0.02 })).toMatchObject({ severity: "page", firing: true, noData: false });
    expect(page1h({ "1h": 0.02, "5m": 0.001 }).firing).toBe(false); // burst over, short window recovered
    expect(page1h({ "1h": 0.001, "5m": 0.02 }).firing).toBe(false); // brief blip, long window fine
    const exact = page1h({ "1h": 0.0144, "5m": 0.0145 });
    expect(exact.longBurn).toBeCloseTo(14.4, 9);
  });

  it("evaluates the four workbook rows and separates page from ticket", () => {
    const slo = sloById("clinical-data-availability");
    const slowBurn = evaluateAlerts(slo, { "5m": 0.004, "30m": 0.004, "1h": 0.004, "2h": 0.004, "6h": 0.004, "1d": 0.004, "3d": 0.004 });
    expect(slowBurn.map((a) => [a.severity, a.long, a.short, a.factor, a.firing])).toEqual([
      ["page", "1h", "5m", 14.4, false],
      ["page", "6h", "30m", 6, false],
      ["ticket", "1d", "2h", 3, true],
      ["ticket", "3d", "6h", 1, true],
    ]);
    expect(slowBurn.every((a) => a.sloId === "clinical-data-availability")).toBe(true);
  });

  it("never fires without data and flags noData", () => {
    const slo = sloById("emergency-availability");
    const result = evaluateAlerts(slo, { ...healthy, "1h": 1, "5m": null, "3d": Number.NaN, "6h": 1 });
    expect(result.find((a) => a.long === "1h")).toMatchObject({ firing: false, noData: true, shortBurn: null });
    expect(result.find((a) => a.long === "3d")).toMatchObject({ firing: false, noData: true, longBurn: null });
    expect(result.find((a) => a.long === "1d")).toMatchObject({ firing: false, noData: false });
  });
});

describe("error budget", () => {
  it("computes allowance, consumption and remaining share", () => {
    const b = errorBudget(0.999, 999_500, 1_000_000);
    expect(b.allowedBad).toBeCloseTo(1000, 6);
    expect(b.actualBad).toBe(500);
    expect(b.remainingShare).toBeCloseTo(0.5, 9);
  });

  it("goes negative when overspent and handles empty periods", () => {
    expect(errorBudget(0.99, 970, 1000).remainingShare).toBeCloseTo(-2, 9);
    expect(errorBudget(0.99, 0, 0)).toEqual({ allowedBad: 0, actualBad: 0, remainingShare: 1 });
    expect(() => errorBudget(0.99, 11, 10)).toThrow();
  });

  it("attainment is the good share, null with no events", () => {
    expect(attainment(999, 1000)).toBe(0.999);
    expect(attainment(0, 0)).toBeNull();
    expect(() => attainment(-1, 3)).toThrow();
  });
});
