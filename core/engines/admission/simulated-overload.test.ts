import { describe, expect, it } from "vitest";
import { AdmissionController } from "./admission-controller";
import { DEFAULT_ADMISSION_SETTINGS as S } from "./defaults";
import { settleTime } from "./settle";
import { simulate, type SimOptions } from "./simulated-service.test-support";

/**
 * The controller against a simulated service at 3× its capacity (about 750 requests a second at
 * full speed), with the mass-casualty mix of fast and slow routes, a scheduler jittering ±30 %
 * per 10 ms and 429s that cost CPU. Before 2026-12-03 the limit compared every route's latency
 * with one minimum RTT and sat at its floor of 4 in these traces (and served about 30 % less
 * patient data, half the clinical data and a fifth of the AI inference it serves now); every
 * test below fails on that engine.
 */
const overload = (seed: number, o: Partial<SimOptions> = {}) =>
  simulate(new AdmissionController(S, 0, () => 0.5), { seconds: 30, offeredPerS: 2250, speed: () => 1, rejectCpuMs: 0.05, jitter: 0.3, seed, ...o });

const SEEDS = [1, 2, 3, 4];
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

describe("adaptive limit under sustained overload (simulated service)", () => {
  it.each(SEEDS)("holds a level well above its floor, within ±20 %, and serves patient data (seed %i)", (seed) => {
    const r = overload(seed);
    const last10s = r.limits.filter((l) => l.t >= 20_000).map((l) => l.limit);
    const level = median(last10s);
    expect(level).toBeGreaterThanOrEqual(4 * S.minLimit);
    for (const l of last10s) expect(Math.abs(l - level)).toBeLessThanOrEqual(0.2 * level);
    const patientOffered = r.ok["patient-data"] + r.rejected["patient-data"];
    expect(r.ok["patient-data"] / patientOffered).toBeGreaterThan(0.85);
    expect(r.rejected.emergency).toBe(0);
  });

  it.each(SEEDS)("falls within 3 s of a CPU hog halving the speed to a lower level, and stays above twice the floor (seed %i)", (seed) => {
    const r = overload(seed, { seconds: 60, speed: (t) => (t < 30_000 ? 1 : 0.5) });
    const before = median(r.limits.filter((l) => l.t >= 20_000 && l.t < 30_000).map((l) => l.limit));
    const after = r.limits.filter((l) => l.t >= 33_000).map((l) => l.limit);
    expect(Math.max(...after)).toBeLessThan(before);
    expect(Math.min(...after)).toBeGreaterThanOrEqual(2 * S.minLimit);
  });

  // Issue 15's measure, as bench:overload applies it: from the first sample after the hog from
  // which the limit stays within ±10 % (or ±1 request) of its median over the last 5 s. The
  // engine before 2026-12-03 21:40 UTC (one probe beyond the deadband moved the baselines,
  // smoothing 0.1) took longer in 11 of these 16 traces (11-30 s, one never); with confirmed
  // re-measurements alone, 6; with smoothing 0.05 as well, none (the slowest 9.6 s).
  it.each(Array.from({ length: 16 }, (_, i) => i + 1))("settles within 10 s of a CPU hog halving the speed (seed %i)", (seed) => {
    const r = overload(seed, { seconds: 60, speed: (t) => (t < 30_000 ? 1 : 0.5) });
    const settled = settleTime(r.limits.map((l) => ({ t: l.t, value: l.limit })), 30_000, { tail: 5_000 });
    expect(settled).not.toBeNull();
    expect(settled!).toBeLessThanOrEqual(10_000);
  });
});
