import { describe, expect, it } from "vitest";
import { DEFAULT_ADMISSION_SETTINGS, PROBE_SAMPLES } from "./defaults";
import { GradientLimit } from "./gradient-limit";

const settings = DEFAULT_ADMISSION_SETTINGS; // min 4, max 512, initial 64, window 100 ms, buffer 0.5, probe 4 every 5 s ±15 %
const noJitter = () => 0.5; // 1 + 0.15 × (2 × 0.5 − 1) = 1: probes exactly every 5 s

/** A service that runs `k` requests at once at `baseMs`; beyond that they queue (latency grows linearly). */
const service = (k: number, baseMs: number) => (concurrency: number) => baseMs * Math.max(1, concurrency / k);

/** One sample every 5 ms from a saturating load: `limit` requests always in flight. One limit per 100 ms. */
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

/** A GradientLimit whose cold start and first pinned probe are over (at t=1149; the next probe at 6149), with these route baselines (ms). */
function measured(baselines: Record<string, number>) {
  const g = new GradientLimit(settings, 0, noJitter);
  const routes = Object.entries(baselines);
  g.tick(0);
  const route = (i: number) => routes[i % routes.length]!;
  for (let i = 0; i < PROBE_SAMPLES; i++) g.sample(route(i)[1] * 3, i, false, route(i)[0]); // cold: a burst, 3× slower
  g.tick(1050); // the first pinned probe, 1 s after the cold start ended (t=49); it ends at t=1149
  for (let i = 0; i < PROBE_SAMPLES; i++) g.sample(route(i)[1], 1100 + i, true, route(i)[0]);
  expect(g.probing).toBe(false);
  for (const [route, ms] of routes) expect(g.baselineMs(route)).toBe(ms);
  return g;
}

describe("GradientLimit", () => {
  it("learns each route's baseline at cold start without pinning (its fastest first sample), then pins later probes", () => {
    const g = new GradientLimit(settings, 0, noJitter);
    g.tick(0);
    expect(g.probing).toBe(true);
    expect(g.limit).toBe(64); // a cold burst is admitted up to the initial limit, not 4
    for (let i = 0; i < PROBE_SAMPLES - 1; i++) g.sample(30 + (i % 3), i, false, i % 2 ? "read" : "search"); // a burst: no low-concurrency samples
    g.sample(25, 49, false, "read");
    expect(g.probing).toBe(false);
    expect(g.baselineMs("read")).toBe(25);
    expect(g.baselineMs("search")).toBe(30);
    expect(g.minRttMs).toBe(25);
    expect(g.limit).toBe(64);
    g.tick(49 + 999);
    expect(g.probing).toBe(false);
    g.tick(49 + 1000); // the first pinned probe comes 1 s after the cold start
    expect(g.probing).toBe(true);
    expect(g.limit).toBe(4);
    expect(g.steadyLimit).toBe(64);
    for (let i = 0; i < PROBE_SAMPLES - 1; i++) g.sample(i % 2 ? 10 + (i % 3) : 40, 1100 + i, true, i % 2 ? "read" : "search");
    g.sample(90, 1150, false, "read"); // admitted above the probe concurrency: not a baseline sample
    g.sample(200, 1151, true, "read"); // admitted at low concurrency before the probe began (t=951): not one either
    expect(g.probing).toBe(true);
    g.sample(40, 1152, true, "search");
    expect(g.probing).toBe(false);
    expect(g.baselineMs("read")).toBe(11); // median of the read samples 10, 11, 12, …
    expect(g.baselineMs("search")).toBe(40);
  });

  it("moves 5 % of the way to limit × gradient + √, with gradient = 1.5 / median ratio clamped to [0.5, 2] (hand-computed)", () => {
    const g = measured({ "": 10 });
    for (let t = 1200; t <= 1290; t += 10) g.sample(10, t, false); // ratio 1 → gradient 1.5 → target 96 + √96 = 105.8 → 64 + 2.09 = 66.09
    expect(g.limit).toBe(66);
    for (let t = 1300; t <= 1390; t += 10) g.sample(100, t, false); // ratio 10 → 0.15 → clamped 0.5 → 33.04 + √33.04 = 38.79 → 66.09 − 1.37 = 64.72
    expect(g.limit).toBe(65);
  });

  it("does not grow while demand stays below half the limit (app-limited), and grows once it reaches it", () => {
    const g = measured({ "": 10 });
    for (let t = 1200; t < 2200; t += 10) g.sample(10, t, false, "", 31); // no queue, but at most 31 of 64 in flight: ten windows, no growth
    expect(g.limit).toBe(64);
    for (let t = 2200; t < 2300; t += 10) g.sample(10, t, false, "", 32); // half the limit in flight: the window grows it (to 66.09, as above)
    expect(g.limit).toBe(66);
    for (let t = 2300; t < 2400; t += 10) g.sample(100, t, false, "", 1); // app-limited windows still shrink on a queue
    expect(g.limit).toBe(65);
  });

  it("compares each route with its own baseline: a mix of fast reads and slow searches at their usual latency grows the limit", () => {
    // One minimum RTT for every route (before 2026-12-03) took a 2 ms read as the minimum and read
    // the 20 ms search as a tenfold queue: the limit fell to its floor on a service with no queue at all.
    const g = measured({ read: 2, search: 20 });
    for (let t = 1200; t < 2200; t += 5) g.sample(t % 10 ? 2 : 20, t, false, t % 10 ? "read" : "search");
    const grown = g.limit;
    expect(grown).toBeGreaterThan(64);
    for (let t = 2200; t < 3200; t += 5) g.sample(t % 10 ? 4 : 40, t, false, t % 10 ? "read" : "search"); // both twice as slow: a queue
    expect(g.limit).toBeLessThan(grown);
  });

  it("leaves samples of a route without a baseline out of the window", () => {
    const g = measured({ read: 2 });
    for (let t = 1200; t < 2200; t += 5) g.sample(500, t, false, "never-probed");
    expect(g.limit).toBe(64);
  });

  it("converges on a saturated service to the hand-computed equilibrium L = 30 + √30 ≈ 35", () => {
    // k=20, base 10 ms: gradient = 15 / (10 × L/20) = 30/L, so L = 30 + √30 = 35.5 at equilibrium.
    const g = new GradientLimit({ ...settings, minRttIntervalS: 3600 }, 0, noJitter); // no probe after the first pinned one
    const limits = drive(g, 0, 10_000, service(20, 10));
    for (const l of limits.slice(-10)) expect(l).toBeGreaterThanOrEqual(34), expect(l).toBeLessThanOrEqual(37);
  });

  it("settles within 10 s after capacity halves (k 20→10, base 10→20 ms): L = 15 + √15 ≈ 19 after the next probe", () => {
    const g = new GradientLimit(settings, 0, noJitter);
    drive(g, 0, 6000, service(20, 10));
    const after = drive(g, 6000, 16000, service(10, 20)); // one value per 100 ms after the drop
    const settledAt = after.findIndex((_, i) => after.slice(i).every((l) => l >= 17 && l <= 21));
    expect(settledAt).toBeGreaterThanOrEqual(0);
    expect(settledAt * 100).toBeLessThan(10_000);
    expect(g.baselineMs("")).toBe(20); // re-measured by the probe: 20 ms is twice the old baseline, beyond the deadband
  });

  it("keeps the baselines when a probe measures within ±15 % of them, and re-measures only when a second probe 1 s later confirms a change", () => {
    const g = measured({ read: 10, search: 40 });
    /** A pinned probe at `at` whose samples are `factor` × the first baselines (read 10, search 40 ms); it ends at at + 149. */
    const probe = (at: number, factor: number, searchSamples = PROBE_SAMPLES / 2) => {
      g.tick(at);
      expect(g.probing).toBe(true);
      for (let i = 0; i < PROBE_SAMPLES; i++) {
        const search = i < searchSamples;
        g.sample((search ? 40 : 10) * factor, at + 100 + i, true, search ? "search" : "read");
      }
      expect(g.probing).toBe(false);
    };
    const baselines = () => [g.baselineMs("read"), g.baselineMs("search")];
    probe(6200, 1.12); // noise: kept, and the next probe comes after the usual 5 s
    expect(baselines()).toEqual([10, 40]);
    g.tick(6349 + 4999);
    expect(g.probing).toBe(false);
    probe(11_400, 1.5); // beyond the deadband once (a burst of unlimited work): kept for now, re-probed 1 s later
    expect(baselines()).toEqual([10, 40]);
    g.tick(11_549 + 999);
    expect(g.probing).toBe(false);
    probe(12_549, 1.05); // the confirming probe sees no change: still kept, and back to the 5 s interval
    expect(baselines()).toEqual([10, 40]);
    g.tick(12_698 + 4999);
    expect(g.probing).toBe(false);
    probe(17_700, 1.5); // up once…
    probe(18_849, 0.6); // …then down: no confirmation either way
    expect(baselines()).toEqual([10, 40]);
    probe(19_998, 0.6); // down twice in a row: confirmed
    expect(baselines()).toEqual([6, 24]);
    probe(25_147, 2, 2); // a capacity drop (2× the original baselines, 3.3× the current ones)…
    expect(baselines()).toEqual([6, 24]);
    probe(26_296, 2, 2); // …confirmed: re-measured; "search" has too few samples of its own, so it follows the median ratio
    expect(baselines()[0]).toBeCloseTo(20);
    expect(baselines()[1]).toBeCloseTo(80);
  });

  it("grows back when capacity returns, and never leaves [minLimit, maxLimit]", () => {
    const g = new GradientLimit({ ...settings, maxLimit: 50, minRttIntervalS: 3600 }, 0, noJitter); // no probe after the first
    const fast = drive(g, 0, 3000, () => 5); // latency flat: gradient 1.5 every window → capped at 50
    expect(fast.at(-1)).toBe(50);
    const slow = drive(g, 3000, 30_000, () => 1000); // 200× the baseline: shrinks to the floor
    expect(slow.every((l) => l >= 4 && l <= 50)).toBe(true);
    expect(slow.at(-1)).toBe(4);
  });

  it("ends a probe after 250 ms with 10 samples admitted since it began, or after 1 s with fewer; re-probes after the jittered interval", () => {
    const g = new GradientLimit(settings, 0, () => 1); // jitter +15 %: next probe 5.75 s after the last
    g.tick(0);
    g.sample(8, 10, true);
    g.tick(999);
    expect(g.probing).toBe(true); // one sample: the probe waits up to 1 s
    g.tick(1000);
    expect(g.probing).toBe(false);
    expect(g.minRttMs).toBe(8);
    g.tick(1999);
    expect(g.probing).toBe(false);
    g.tick(2000); // the first pinned probe, 1 s after the cold start
    expect(g.probing).toBe(true);
    for (let i = 0; i < 9; i++) g.sample(9, 2010 + i, true);
    g.sample(500, 2100, true); // admitted at t=1600, before the probe: held up by an overload, not a baseline
    g.tick(2250);
    expect(g.probing).toBe(true); // nine samples of its own
    g.sample(9, 2255, true);
    expect(g.probing).toBe(false);
    expect(g.minRttMs).toBe(9);
    g.tick(2255 + 5749);
    expect(g.probing).toBe(false);
    g.tick(2255 + 5750);
    expect(g.probing).toBe(true);
  });

  it("waits for at least 10 samples before a window updates the limit", () => {
    const g = measured({ "": 10 });
    for (let t = 1200; t <= 2000; t += 100) g.sample(10, t, false); // 9 samples over 800 ms: no update yet
    expect(g.limit).toBe(64);
    g.sample(10, 2050, false);
    expect(g.limit).toBe(66);
  });
});
