import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { backtest } from "./backtest";
import { forecastFloor, withForecast } from "./capacity-plan";
import { chooseMethod } from "./choose-method";
import { forecastDemand } from "./forecast-demand";
import { hourOfWeekProfile } from "./hour-of-week";
import { quantile } from "./intervals";
import { coverage, mase } from "./scores";
import { seasonalNaive, seasonalNaiveDaily } from "./seasonal-naive";

describe("scores", () => {
  it("MASE divides the forecast MAE by the in-sample seasonal-naive MAE", () => {
    // training period 2: diffs |3-1|,|4-2|,|5-3| = 2,2,2 → scale 2; forecast errors 1 and 3 → MAE 2 → MASE 1
    expect(mase([10, 10], [9, 13], [1, 2, 3, 4, 5], 2)).toBe(1);
    expect(mase([10, 10], [10, 11], [1, 2, 3, 4, 5], 2)).toBe(0.25);
  });
  it("coverage is the share inside the interval, bounds inclusive", () => {
    expect(coverage([1, 2, 3, 4], [0, 2, 4, 0], [1, 3, 5, 3])).toBe(0.5);
  });
  it("quantile interpolates like R type 7", () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
  });
});

describe("seasonal naive", () => {
  it("repeats the last season and bounds it with the seasonal differences", () => {
    // m = 2, values 1,2,3,5: last season [3,5]; diffs [3-1, 5-2] = [2,3]; level 0.5 → quantiles 0.25, 0.75 = 2.25, 2.75
    const f = seasonalNaive([1, 2, 3, 5], 2, 3, 0.5);
    expect(f.point).toEqual([3, 5, 3]);
    expect(f.lower[0]).toBeCloseTo(5.25, 10);
    expect(f.upper[1]).toBeCloseTo(7.75, 10);
    // third step is the second season ahead: widened by sqrt(2)
    expect(f.upper[2]).toBeCloseTo(3 + 2.75 * Math.SQRT2, 10);
  });
  it("refuses fewer than two seasons", () => {
    expect(() => seasonalNaive([1, 2, 3], 2, 1, 0.9)).toThrow(/needs 4 values/);
  });
});

describe("hour of week", () => {
  it("averages the same slot across weeks", () => {
    const values = Array.from({ length: 336 }, (_, i) => (i < 168 ? 10 : 20) + (i % 168 === 5 ? 100 : 0));
    const f = hourOfWeekProfile({ values, startHourOfWeek: 0 }, 6, 0.95);
    expect(f.point).toEqual([15, 15, 15, 15, 15, 115]);
    // residuals are ±5 everywhere → interval [point-5, point+5]
    expect(f.lower[0]).toBeCloseTo(10, 10);
    expect(f.upper[5]).toBeCloseTo(120, 10);
  });
  it("aligns slots with the series' start hour", () => {
    const values = Array.from({ length: 336 }, (_, i) => ((i + 100) % 168 === 0 ? 50 : 1));
    const f = hourOfWeekProfile({ values, startHourOfWeek: 100 }, 168, 0.95);
    // the forecast starts at slot (100 + 336) % 168 = 100; slot 0 is 68 hours later
    expect(f.point[68]).toBe(50);
    expect(f.point.filter((p) => p === 50)).toHaveLength(1);
  });
});

describe("choosing a method", () => {
  it("says so and falls back below two weekly seasons, and refuses under two days", () => {
    expect(chooseMethod(400)).toMatchObject({ kind: "model", note: null });
    const fallback = chooseMethod(100);
    expect(fallback.kind === "model" && fallback.method.name).toBe("seasonal-naive-daily");
    expect(fallback.note).toMatch(/MSTL needs 336 h .* have 100 h/);
    expect(chooseMethod(47)).toMatchObject({ kind: "insufficient", neededHours: 48 });
  });
  it("makes no forecast from one day of data", async () => {
    const f = await forecastDemand({ values: Array(30).fill(5), startHourOfWeek: 0 });
    expect(f.kind).toBe("insufficient");
    expect("forecast" in f).toBe(false);
  });
});

describe("rolling-origin backtest", () => {
  it("scores a perfectly daily-periodic series as exact with full coverage", async () => {
    const values = Array.from({ length: 24 * 5 }, (_, i) => (i % 24) + 1);
    const r = await backtest(seasonalNaiveDaily, { values, startHourOfWeek: 0 }, 24, 7, 0.95);
    // origins at 120-24k for k=7..1 need ≥ 48 h of training: 48, 72, 96 → 3 origins
    expect(r).toMatchObject({ origins: 3, horizonHours: 24, coverage: 1 });
    // the in-sample scale is 0 and so is the error: defined as 0
    expect(r!.mase).toBe(0);
  });
  it("reports MSTL and the hour-of-week baseline side by side with three weeks", async () => {
    const rand = mulberry32(7);
    const noise = () => (rand() + rand() + rand() - 1.5) * 2; // roughly normal, sd 1
    const values = Array.from({ length: 504 }, (_, i) => 20 + 10 * Math.sin((2 * Math.PI * i) / 24) + (i % 168 < 120 ? 5 : 0) + noise());
    const f = await forecastDemand({ values, startHourOfWeek: 0 });
    if (f.kind !== "forecast") throw new Error("expected a forecast");
    expect(f.method).toBe("mstl-ets");
    expect(f.forecast.point).toHaveLength(24);
    expect(f.backtest!.origins).toBe(7);
    expect(f.baselineBacktest!.method).toBe("hour-of-week");
    // seasonal signal plus noise: MSTL beats the daily seasonal naive (MASE < 1, the naive carries
    // the noise twice and misses the weekday/weekend step). Its nominal 95% intervals measured
    // 74% coverage here: they under-cover, which is exactly why coverage is reported beside them.
    expect(f.backtest!.mase).toBeLessThan(1);
    expect(f.backtest!.coverage).toBeGreaterThan(0.6);
    expect(f.baselineBacktest!.mase).toBeLessThan(1);
  });
});

describe("forecast-only capacity", () => {
  it("raises the floor ahead of demand and never lowers the reactive decision", () => {
    expect(forecastFloor(90, 20, 0.75)).toBe(6); // 90 / 15 = 6
    expect(forecastFloor(91, 20, 0.75)).toBe(7);
    expect(withForecast(4, 6)).toEqual({ desired: 6, raisedByForecast: true });
    expect(withForecast(8, 6)).toEqual({ desired: 8, raisedByForecast: false });
    expect(withForecast(8, null)).toEqual({ desired: 8, raisedByForecast: false });
  });
});

describe("recorded demand from counter scrapes", () => {
  it("turns cumulative counters into hourly rates, survives a restart and keeps only the latest unbroken run", async () => {
    const { hourlyRatesFromCounters } = await import("./hourly-from-counters");
    const H = 3_600_000;
    const samples = [
      { atMs: 0 * H + 1000, total: 0 }, { atMs: 0 * H + 1_801_000, total: 1800 }, // hour 0: 1800 in 1800 s
      // hour 1 missing: the run restarts at hour 2
      { atMs: 2 * H, total: 5000 }, { atMs: 2 * H + 1_800_000, total: 8600 }, // hour 2: 3600 in 1800 s → 2 req/s
      { atMs: 3 * H, total: 100 }, // restart: counter dropped, 100 new requests in the hour's last interval
      { atMs: 3 * H + 1_800_000, total: 1900 }, // hour 3: (100 + 1800) / 3600 s
      { atMs: 4 * H + 60_000, total: 2000 }, // incomplete current hour: left out
    ];
    const r = hourlyRatesFromCounters(samples, 4 * H + 120_000);
    expect(r.startMs).toBe(2 * H);
    expect(r.values).toEqual([2, (100 + 1800) / 3600]);
  });
});
