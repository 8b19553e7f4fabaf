import { describe, expect, it } from "vitest";
import { decideWorkers, localTime } from "./local-decision";
import { defaultScalingPolicy } from "./policy";

const policy = { ...defaultScalingPolicy("Europe/Paris"), minReplicas: 1, target: { metric: "rps" as const, value: 100 } };
const idle = { rps: 0, inFlight: 0, p95Ms: null, cpuPercent: null };
// Wednesday 2026-12-02 11:00 UTC = 12:00 in Paris (outside both default windows)
const noon = new Date("2026-12-02T11:00:00Z");

describe("local scaler decisions", () => {
  it("reads the hospital's local time", () => {
    expect(localTime(new Date("2026-12-02T05:30:00Z"), "Europe/Paris")).toEqual({ day: 2, minute: 390 });
    expect(localTime(new Date("2026-12-06T23:30:00Z"), "Asia/Tokyo")).toEqual({ day: 0, minute: 510 }); // Monday 08:30
  });
  it("applies the HPA rule on the target with 10% tolerance", () => {
    // 2 workers, 300 req/s → 150 per worker vs 100 → ceil(2 × 1.5) = 3, capped at the machine's 2
    const up = decideWorkers(policy, 2, 4, { ...idle, rps: 300 }, noon, null, []);
    expect(up).toMatchObject({ desired: 3, rule: "reactive: rps 150.0 vs target 100 → ceil(2 × 1.50)" });
    expect(decideWorkers(policy, 2, 2, { ...idle, rps: 300 }, noon, null, []).rule).toMatch(/capped at 2 \(workers this machine allows\)/);
    expect(decideWorkers(policy, 2, 4, { ...idle, rps: 210 }, noon, null, []).desired).toBe(2); // 105 per worker: within tolerance
  });
  it("scales in only after the stabilization window, and the schedule and surge raise the floor", () => {
    const first = decideWorkers(policy, 2, 4, { ...idle, rps: 120 }, noon, null, []);
    expect(first.desired).toBe(2);
    const low = decideWorkers(policy, 2, 4, { ...idle, rps: 20 }, new Date(noon.getTime() + 60_000), null, first.history);
    expect(low).toMatchObject({ desired: 2, rule: "scale-down stabilization (300 s) holds 2" });
    const later = decideWorkers(policy, 2, 4, { ...idle, rps: 20 }, new Date(noon.getTime() + 301_000), null, low.history);
    expect(later.desired).toBe(1);
    // 07:00 in Paris: morning rounds floor 4
    const rounds = decideWorkers(policy, 1, 8, idle, new Date("2026-12-02T06:00:00Z"), null, []);
    expect(rounds).toMatchObject({ desired: 4, rule: "schedule morning-rounds (Europe/Paris) floor 4" });
    // no traffic → 0 req/s → the policy minimum, doubled by the surge
    const surge = decideWorkers(policy, 1, 8, idle, noon, 2, []);
    expect(surge).toMatchObject({ desired: 2, rule: "emergency surge ×2 on policy minimum 1" });
  });
});
