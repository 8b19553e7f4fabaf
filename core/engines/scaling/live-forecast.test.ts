import { describe, expect, it } from "vitest";
import { decideWorkers } from "./local-decision";
import { forecastAt, liveForecastFloor } from "./live-forecast";
import { defaultScalingPolicy } from "./policy";

const rpsPolicy = { ...defaultScalingPolicy("Europe/Paris"), minReplicas: 1, target: { metric: "rps" as const, value: 100 } };
const cpuPolicy = { ...defaultScalingPolicy("Europe/Paris"), minReplicas: 1 };
const idle = { rps: 0, inFlight: 0, p95Ms: null, cpuPercent: null };
const noon = new Date("2026-12-02T11:00:00Z"); // 12:00 in Paris: no schedule window

describe("the forecast in the live scaler (forecast-only)", () => {
  it("reads the hour that contains now + lead time, and nothing past the horizon", () => {
    const f = { startMs: Date.parse("2026-12-02T11:00:00Z"), point: [50, 250, 90] };
    expect(forecastAt(f, Date.parse("2026-12-02T11:59:00Z"))).toBe(50);
    expect(forecastAt(f, Date.parse("2026-12-02T12:00:30Z"))).toBe(250);
    expect(forecastAt(f, Date.parse("2026-12-02T14:00:00Z"))).toBeNull();
    expect(forecastAt(f, Date.parse("2026-12-02T10:59:00Z"))).toBeNull();
  });

  it("turns forecast demand into workers: by the req/s target, or by the measured capacity, never by a guessed one", () => {
    expect(liveForecastFloor(rpsPolicy, 250, null, 0.85, 45)).toMatchObject({ floor: 3, forecastRps: 250 });
    expect(liveForecastFloor(cpuPolicy, 250, { rps: 100, measured: true }, 0.85, 45)).toMatchObject({ floor: 3 }); // 250 / 85
    expect(liveForecastFloor(cpuPolicy, 250, null, 0.85, 45)).toMatchObject({ floor: null, note: expect.stringMatching(/capacity not measured/) });
    expect(liveForecastFloor(rpsPolicy, null, null, 0.85, 45)).toMatchObject({ floor: null, note: expect.stringMatching(/no forecast/) });
    expect(liveForecastFloor({ ...rpsPolicy, forecast: { enabled: false } }, 250, null, 0.85, 45)).toMatchObject({ floor: null, note: "forecast off in the policy" });
  });

  it("raises the reactive decision ahead of demand and never lowers it", () => {
    const f = liveForecastFloor(rpsPolicy, 250, null, 0.85, 45);
    // Quiet now (reactive says 1), 250 req/s forecast in 45 s → 3 workers now.
    const up = decideWorkers(rpsPolicy, 1, 4, idle, noon, null, [], f);
    expect(up.desired).toBe(3);
    expect(up.rule).toMatch(/^predictive: forecast 250\.0 req\/s in 45 s/);
    expect(up.metrics).toMatchObject({ forecastRps: 250, forecastFloor: 3 });
    // Busy now (reactive 4), forecast quieter (1): the reactive result stands.
    const busy = decideWorkers(rpsPolicy, 2, 8, { ...idle, rps: 400 }, noon, null, [], liveForecastFloor(rpsPolicy, 50, null, 0.85, 45));
    expect(busy).toMatchObject({ desired: 4, rule: expect.stringMatching(/^reactive/) });
    // The forecast floor is still capped by the machine.
    expect(decideWorkers(rpsPolicy, 1, 2, idle, noon, null, [], f).desired).toBe(2);
  });
});
