import { describe, expect, it } from "vitest";
import { DEFAULT_ADMISSION_SETTINGS } from "./defaults";
import { GradientLimit } from "./gradient-limit";

const settings = DEFAULT_ADMISSION_SETTINGS; // min 4, max 512, initial 64, window 100 ms, buffer 0.5, probe 4 every 5 s ±15 %
const noJitter = () => 0.5; // 1 + 0.15 × (2 × 0.5 − 1) = 1: probes exactly every 5 s

/** A service that runs `k` requests at once at `baseMs`; beyond that they queue (latency grows linearly). */
const service = (k: number, baseMs: number) => (concurrency: number) => baseMs * Math.max(1, concurrency / k);

/** One sample every 5 ms from a saturating load: `limit` requests always in flight. */
function drive(g: GradientLimit, from: number, to: number, latency: (c: number) => number): number[] {
  const limits: number[] = [];
  for (let t = from; t < to; t += 5) {
    g.tick(t);
    const c = g.limit;
    g.sample(latency(c), t, c <= settings.probeConcurrency);
    if (t % 100 === 0) limits.push(g.limit);
  }
  return limits;
}

describe("GradientLimit", () => {
  it("learns the minimum RTT at cold start without pinning (the fastest first sample), then pins later probes", () => {
    const g = new GradientLimit(settings, 0, noJitter);
    g.tick(0);
    expect(g.probing).toBe(true);
    expect(g.limit).toBe(64); // a cold burst is admitted up to the initial limit, not 4
    for (let i = 0; i < 24; i++) g.sample(30 + (i % 3), i, false); // a burst: no low-concurrency samples
    g.sample(25, 24, false);
    expect(g.probing).toBe(false);
    expect(g.minRttMs).toBe(25);
    expect(g.limit).toBe(64);
    g.tick(24 + 999);
    expect(g.probing).toBe(false);
    g.tick(24 + 1000); // the first pinned probe comes 1 s after the cold start
    expect(g.probing).toBe(true);
    expect(g.limit).toBe(4);
    expect(g.steadyLimit).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < 24; i++) g.sample(10 + (i % 3), 1030 + i, true); // median of 8×10, 8×11, 8×12 = 11
    g.sample(90, 1060, false); // admitted above the probe concurrency: not a minimum-RTT sample
    expect(g.probing).toBe(true);
    g.sample(10, 1061, true);
    expect(g.probing).toBe(false);
    expect(g.minRttMs).toBe(11);
  });

  it("applies gradient = minRtt × 1.5 / p90, clamped to [0.5, 2], plus √ headroom (hand-computed)", () => {
    const g = new GradientLimit(settings, 0, noJitter);
    g.tick(0);
    for (let i = 0; i < 25; i++) g.sample(10, i, true); // minRtt 10, probe ends at t=24
    for (let t = 30; t <= 130; t += 10) g.sample(10, t, false); // window 24..130: // p90 10 → gradient 1.5 → 96 + √96 = 105.8
    expect(g.limit).toBe(106);
    for (let t = 140; t <= 240; t += 10) g.sample(100, t, false); // p90 100 → gradient 0.15 → clamped 0.5 → 53 + √53 = 60.3
    expect(g.limit).toBe(60);
  });

  it("converges on a saturated service to the hand-computed equilibrium L = 30 + √30 ≈ 35", () => {
    // k=20, base 10 ms: gradient = 15 / (10 × L/20) = 30/L, so L = 30 + √30 = 35.5 at equilibrium.
    const g = new GradientLimit(settings, 0, noJitter);
    const limits = drive(g, 0, 4000, service(20, 10));
    const tail = limits.slice(-10);
    for (const l of tail) expect(l).toBeGreaterThanOrEqual(33), expect(l).toBeLessThanOrEqual(38);
  });

  it("settles within 10 s after capacity halves (k 20→10, base 10→20 ms): L = 15 + √15 ≈ 19 after the next probe", () => {
    const g = new GradientLimit(settings, 0, noJitter);
    drive(g, 0, 6000, service(20, 10));
    const after = drive(g, 6000, 16000, service(10, 20)); // one value per 100 ms after the drop
    const settledAt = after.findIndex((_, i) => after.slice(i).every((l) => l >= 17 && l <= 21));
    expect(settledAt).toBeGreaterThanOrEqual(0);
    expect(settledAt * 100).toBeLessThan(10_000);
    expect(g.minRttMs).toBe(20); // re-measured by the probe
  });

  it("grows back when capacity returns, and never leaves [minLimit, maxLimit]", () => {
    const g = new GradientLimit({ ...settings, maxLimit: 50 }, 0, noJitter);
    const fast = drive(g, 0, 3000, () => 5); // latency flat: gradient 1.5 every window → capped at 50
    expect(fast.at(-1)).toBe(50);
    const slow = drive(g, 3000, 6000, () => 1000); // hopeless: shrinks to the floor
    expect(slow.filter((l) => l !== 4).every((l) => l >= 4)).toBe(true);
    expect(Math.min(...slow)).toBe(4);
  });

  it("ends a probe after 250 ms with too few samples and re-probes after the jittered interval", () => {
    const g = new GradientLimit(settings, 0, () => 1); // jitter +15 %: next probe 5.75 s after the last
    g.tick(0);
    g.sample(8, 10, true);
    g.tick(250);
    expect(g.probing).toBe(false);
    expect(g.minRttMs).toBe(8);
    g.tick(1249);
    expect(g.probing).toBe(false);
    g.tick(1250); // the first pinned probe, 1 s after the cold start
    expect(g.probing).toBe(true);
    g.sample(9, 1260, true);
    g.tick(1500);
    expect(g.probing).toBe(false);
    expect(g.minRttMs).toBe(9);
    g.tick(1500 + 5749);
    expect(g.probing).toBe(false);
    g.tick(1500 + 5750);
    expect(g.probing).toBe(true);
  });
});
