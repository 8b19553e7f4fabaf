import { describe, expect, it } from "vitest";
import { seasonalNaiveDaily } from "../forecast/seasonal-naive";
import { evaluateHeldOut } from "./evaluate-held-out";
import { createBehavior, createHpa, hpaRecommendation } from "./hpa";
import { createKeda } from "./keda";
import { scheduleFloor } from "./schedule-windows";
import { simulate, windowAverage } from "./simulate";
import { hourlyMeans, syntheticHospitalWeeks } from "./synthetic-week";
import type { ClusterParams, DemandTrace } from "./types";
import { createVigil } from "./vigil";

const cfg = { minReplicas: 1, maxReplicas: 20, targetUtilization: 0.5, perReplicaCapacityRps: 100 }; // target 50 req/s per replica
const params: ClusterParams = { perReplicaCapacityRps: 100, startupSeconds: 30, minReplicas: 1, maxReplicas: 20, pricePerReplicaHour: 0.05 };

describe("HPA v2 algorithm", () => {
  it("desired = ceil(current × metric / target), inside 10% tolerance nothing changes", () => {
    // 4 ready pods, 300 req/s → 75 per pod vs 50 → ratio 1.5 → ceil(4 × 1.5) = 6
    expect(hpaRecommendation(cfg, { t: 0, observedRps: 300, readyReplicas: 4, specReplicas: 4 })).toBe(6);
    // 210 req/s → 52.5 per pod, ratio 1.05 ≤ 1.1 → stay at 4
    expect(hpaRecommendation(cfg, { t: 0, observedRps: 210, readyReplicas: 4, specReplicas: 4 })).toBe(4);
    // 100 req/s → ratio 0.5 → ceil(2) = 2
    expect(hpaRecommendation(cfg, { t: 0, observedRps: 100, readyReplicas: 4, specReplicas: 4 })).toBe(2);
  });
  it("counts not-yet-ready pods as idle before scaling up further", () => {
    // 2 ready of 4 requested, 220 req/s: ready-only ratio 2.2, but with unready at 0: 220/4/50 = 1.1 → hold
    expect(hpaRecommendation(cfg, { t: 0, observedRps: 220, readyReplicas: 2, specReplicas: 4 })).toBe(4);
    // 400 req/s: 400/4/50 = 2 → ceil(2 × 4) = 8
    expect(hpaRecommendation(cfg, { t: 0, observedRps: 400, readyReplicas: 2, specReplicas: 4 })).toBe(8);
  });
  it("scale-down waits for the 300 s stabilization window; scale-up is limited to max(+100%, +4) per sync", () => {
    const behave = createBehavior(cfg);
    expect(behave(0, 10, 10)).toBe(10);
    expect(behave(15, 3, 10)).toBe(10); // the window still holds 10
    expect(behave(300, 3, 10)).toBe(10); // t=0 is still inside [0, 300]
    expect(behave(315, 3, 10)).toBe(3);
    const up = createBehavior(cfg);
    expect(up(0, 20, 2)).toBe(6); // max(2 × 2, 2 + 4) = 6
    expect(up(15, 20, 6)).toBe(12); // max(12, 10)
  });
});

describe("schedules and KEDA", () => {
  const windows = [{ name: "rounds", days: [0, 1, 2, 3, 4], startHour: 6, endHour: 9, minReplicas: 8 }];
  it("applies a window on its days and hours only", () => {
    expect(scheduleFloor(windows, 6)).toBe(8); // Monday 06:00
    expect(scheduleFloor(windows, 9)).toBe(0);
    expect(scheduleFloor(windows, 5 * 24 + 7)).toBe(0); // Saturday
  });
  it("takes the larger of cron and prometheus, and falls back after three failed reads", () => {
    const keda = createKeda({ minReplicas: 1, maxReplicas: 20, thresholdRpsPerReplica: 50, cron: windows, fallbackReplicas: 12, startHourOfWeek: 0, prewarmSeconds: 0 });
    expect(keda.decide({ t: 6 * 3600, observedRps: 100, readyReplicas: 2, specReplicas: 2 })).toBe(6); // cron 8 capped to +4 per sync
    expect(keda.decide({ t: 6 * 3600 + 15, observedRps: 100, readyReplicas: 6, specReplicas: 6 })).toBe(8);
    const outage = { t: 20 * 3600, observedRps: Number.NaN, readyReplicas: 3, specReplicas: 3 };
    expect(keda.decide(outage)).toBe(3);
    expect(keda.decide(outage)).toBe(3);
    expect(keda.decide(outage)).toBe(12);
  });
});

describe("Vigil's policy", () => {
  it("raises capacity ahead of a forecast peak but never scales in because of a forecast", () => {
    const forecastPerHour = [50, 50, 1000, 10];
    const vigil = createVigil({ ...cfg, schedules: [], startHourOfWeek: 0, forecastPerHour, leadSeconds: 45, prewarmSeconds: 600 });
    // 10 minutes before hour 2: t + lead (45 s) + prewarm (600 s) reaches hour 2's 1000 req/s →
    // ceil(1000 / 50) = 20, within the +100% per sync limit from 10
    expect(vigil.decide({ t: 6600, observedRps: 50, readyReplicas: 10, specReplicas: 10 })).toBe(20);
    // hour 3's forecast is tiny (10 req/s), but the measured 900 req/s on 20 replicas keeps 20:
    // a falling forecast never removes capacity the reactive path still needs
    expect(vigil.decide({ t: 3 * 3600, observedRps: 900, readyReplicas: 20, specReplicas: 20 })).toBe(20);
    // with demand gone too, scale-in waits for the 300 s stabilization of the recommendations
    expect(vigil.decide({ t: 3 * 3600 + 15, observedRps: 10, readyReplicas: 20, specReplicas: 20 })).toBe(20);
  });
});

describe("simulation", () => {
  it("averages demand over the metric window", () => {
    const perMinute = [60, 120];
    const prefix = [0, 60, 180];
    expect(windowAverage(prefix, perMinute, 90, 60)).toBe(90); // 30 s at 60 + 30 s at 120
  });
  it("counts the minutes a step in demand outruns start-up, and the replica-hours", () => {
    // 10 minutes at 40 req/s then 10 minutes at 400; one replica serves 100 req/s
    const trace: DemandTrace = { perMinute: [...Array(10).fill(40), ...Array(10).fill(400)], startHourOfWeek: 0, source: "synthetic", surgeStarts: [] };
    const r = simulate(trace, createHpa({ ...cfg, targetUtilization: 0.8 }), params, 1);
    // At minute 10 demand jumps; HPA reads the 60 s average (sync every 15 s), then pods need 30 s:
    // minutes 10 and 11 are short, 12 onward covered.
    expect(r.underProvisionedMinutes).toBe(2);
    expect(r.replicasPerMinute[19]).toBe(5); // 400 / (100 × 0.8)
    expect(r.replicaHours).toBeGreaterThan(20 / 60);
    expect(r.cost).toBeCloseTo(r.replicaHours * 0.05, 10);
  });
  it("synthetic weeks are deterministic, labelled and shaped like a hospital", () => {
    const a = syntheticHospitalWeeks(1, 3);
    expect(a.source).toBe("synthetic");
    expect(syntheticHospitalWeeks(1, 3).perMinute).toEqual(a.perMinute);
    const hourly = hourlyMeans(a.perMinute);
    expect(hourly).toHaveLength(168);
    // Monday: 07:00 (rounds) busier than 03:00 (night); Saturday 15:00 quieter than Monday 15:00
    expect(hourly[7]!).toBeGreaterThan(hourly[3]! * 2);
    expect(hourly[5 * 24 + 15]!).toBeLessThan(hourly[15]!);
  });
  it("evaluates the three policies on a held-out week fitted only on earlier weeks", async () => {
    const trace = syntheticHospitalWeeks(3, 11);
    const r = await evaluateHeldOut(trace, params, { forecaster: seasonalNaiveDaily });
    expect(r.trainingWeeks).toBe(2);
    expect(r.heldOut.perMinute).toHaveLength(7 * 1440);
    expect(r.results.map((x) => x.policy)).toEqual(["HPA v2 (reactive)", "KEDA (cron + prometheus)", "Vigil (predictive + reactive floor)"]);
    expect(r.goal.replicaHoursRatio).toBeCloseTo(r.results[2]!.replicaHours / r.results[0]!.replicaHours, 10);
    await expect(evaluateHeldOut(syntheticHospitalWeeks(2, 1), params)).rejects.toThrow(/at least 3 weeks/);
  });
});
