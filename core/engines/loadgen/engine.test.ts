import { afterEach, describe, expect, it } from "vitest";
import { httpTarget } from "./http-target";
import { singleRequest } from "./single-request";
import { runLoad } from "./run";
import { loopbackServer } from "./test-server";
import type { Iteration } from "./iteration";
import { vusAt } from "./closed-model";
import { decodeHistogram, encodeHistogram, newHistogram, recordMs, summarize } from "./histogram";
import type { ThresholdVerdict } from "./thresholds";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function target(handler: Parameters<typeof loopbackServer>[0], connections = 50) {
  const srv = await loopbackServer(handler);
  const t = httpTarget(srv.url, { connections });
  closers.push(srv.close, t.close);
  return singleRequest(t);
}

describe("open model accuracy (no coordinated omission)", () => {
  // Retried: a 2-core CI box running other suites can delay a timer past the 5% (~50 ms)
  // margin; an engine with coordinated omission fails every attempt by far more.
  it("reports the p99 that the stall pattern implies, within 5%", { timeout: 30_000, retry: 2 }, async () => {
    const PERIOD = 2000;
    // A long stall keeps timer jitter on a busy 2-core machine small relative to the p99 (~980 ms).
    const STALL = 1000;
    const RATE = 200;
    const SECONDS = 6;
    let epoch = 0;
    // Every 2 s the server holds every response until the first second of that period ends.
    const exec = await target((_req, res) => {
      const phase = (performance.now() - epoch) % PERIOD;
      const hold = phase < STALL ? STALL - phase : 0;
      setTimeout(() => res.end("ok"), hold);
    }, 200);
    epoch = performance.now();
    const result = await runLoad({ kind: "open", startRate: RATE, stages: [{ durationS: SECONDS, target: RATE }], maxInFlight: 500 }, exec, []);
    // Schedule-based expectation: a start at offset t waits for the end of its stall window.
    const expected = Array.from({ length: RATE * SECONDS }, (_, i) => {
      const phase = (((i + 1) * 1000) / RATE) % PERIOD;
      return phase < STALL ? STALL - phase : 0;
    }).sort((a, b) => a - b);
    const expectedP99 = expected[Math.ceil(0.99 * expected.length) - 1]!;
    expect(result.requests).toBe(RATE * SECONDS);
    expect(result.dropped).toBe(0);
    expect(Math.abs(result.latencyMs.p99 - expectedP99) / expectedP99).toBeLessThan(0.05);
    // A closed-loop client would have waited politely and reported far less than this.
    expect(result.latencyMs.p95).toBeGreaterThan(50);
  });
});

describe("open model accounting", () => {
  it("drops starts when every allowed request is busy, and marks the run invalid", async () => {
    const exec = await target((_req, res) => setTimeout(() => res.end("slow"), 300));
    const result = await runLoad({ kind: "open", startRate: 100, stages: [{ durationS: 1, target: 100 }], maxInFlight: 5 }, exec, []);
    expect(result.planned).toBe(100);
    expect(result.dropped).toBeGreaterThan(50);
    expect(result.requests + result.dropped).toBe(100);
    expect(result.invalid).toBe(true);
    expect(result.passed).toBe(false);
    expect(result.invalidReason).toMatch(/dropped/);
  });

  it("counts status codes and errors, and keeps a 1-second series", async () => {
    let n = 0;
    const exec = await target((_req, res) => {
      res.statusCode = ++n % 4 === 0 ? 503 : 200;
      res.end();
    });
    const result = await runLoad({ kind: "open", startRate: 50, stages: [{ durationS: 2, target: 50 }], maxInFlight: 50 }, exec, [
      { scope: "overall", expression: "error_rate < 0.01" },
      { scope: "GET /", expression: "p(99) < 1000" },
    ]);
    expect(result.statusCodes).toEqual({ "200": 75, "503": 25 });
    expect(result.errorRate).toBeCloseTo(0.25, 5);
    expect(result.thresholds.map((t) => t.ok)).toEqual([false, true]);
    expect(result.passed).toBe(false);
    expect(result.series.map((s) => s.second)).toEqual(expect.arrayContaining([0, 1]));
    expect(result.series.reduce((s, p) => s + p.requests, 0)).toBe(100);
    // Endpoint windows (for regression detection; 2 s long in a 2 s run) and a decodable merged histogram.
    expect(result.windowS).toBe(2);
    expect(result.windows["GET /"]!.reduce((s, w) => s + w.requests, 0)).toBe(100);
    expect(result.windows["GET /"]!.reduce((s, w) => s + w.errors, 0)).toBe(25);
    expect(decodeHistogram(result.endpointHistograms["GET /"]!).totalCount).toBe(100);
  });

  it("classifies connection failures as errors, not latencies of a healthy server", async () => {
    const srv = await loopbackServer((_q, r) => r.end());
    await srv.close();
    const t = httpTarget(srv.url, { connections: 2 });
    closers.push(t.close);
    const exec = singleRequest(t, "x");
    const result = await runLoad({ kind: "open", startRate: 20, stages: [{ durationS: 0.5, target: 20 }], maxInFlight: 20 }, exec, []);
    expect(result.errorKinds).toEqual({ connection: 10 });
    expect(result.errors).toBe(10);
  });
});

describe("abort on fail", () => {
  it("stops the run once an abort-on-fail threshold fails, after the minimum sample time", async () => {
    const exec = await target((_req, res) => ((res.statusCode = 500), res.end()));
    const started = performance.now();
    const result = await runLoad({ kind: "open", startRate: 50, stages: [{ durationS: 30, target: 50 }], maxInFlight: 50 }, exec, [
      { scope: "overall", expression: "error_rate < 0.01", abortOnFail: true },
    ]);
    const tookS = (performance.now() - started) / 1000;
    expect(tookS).toBeGreaterThanOrEqual(5);
    expect(tookS).toBeLessThan(9);
    expect(result.thresholdAbort).toMatch(/error_rate < 0.01 failed/);
    expect(result.passed).toBe(false);
  }, 20_000);
});

describe("live thresholds", () => {
  it("evaluates every threshold while the run goes, not only at its end", async () => {
    const exec = await target((_req, res) => res.end("ok"));
    const seen: ThresholdVerdict[][] = [];
    await runLoad({ kind: "open", startRate: 50, stages: [{ durationS: 2.5, target: 50 }], maxInFlight: 50 }, exec,
      [{ scope: "overall", expression: "error_rate < 0.01" }, { scope: "GET /", expression: "p(95) < 0.001" }],
      { onProgress: (_rec, _s, live) => void seen.push(live) });
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[1]!.map((v) => [v.expression, v.ok])).toEqual([["error_rate < 0.01", true], ["p(95) < 0.001", false]]);
    expect(seen[1]![1]!.actual).toBeGreaterThan(0);
  }, 10_000);
});

describe("closed model", () => {
  it("lasts the planned duration even when a user is mid-journey (think times are cut at the end)", async () => {
    const exec = await target((_req, res) => res.end("ok"));
    // Each iteration: a request, then a 900 ms pause inside the journey (a think time).
    const journey: Iteration = async (ctx) => {
      await exec(ctx);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 900);
        ctx.signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
      });
    };
    const started = performance.now();
    const result = await runLoad({ kind: "closed", startVUs: 30, stages: [{ durationS: 2, target: 30 }] }, journey, []);
    const tookS = (performance.now() - started) / 1000;
    expect(tookS).toBeGreaterThanOrEqual(2);
    expect(tookS).toBeLessThan(2.5);
    expect(result.requests).toBeGreaterThanOrEqual(60); // 30 users x 3 journeys started in 2 s
  });

  it("stops early only when an explicit iteration cap is set", async () => {
    const exec = await target((_req, res) => res.end("ok"));
    const started = performance.now();
    const result = await runLoad({ kind: "closed", startVUs: 2, stages: [{ durationS: 5, target: 2 }], iterationsPerVU: 3 }, exec, []);
    expect(result.requests).toBe(6);
    expect((performance.now() - started) / 1000).toBeLessThan(1);
  });

  it("keeps N users busy back to back and measures each request", async () => {
    let concurrent = 0;
    let peak = 0;
    const exec = await target((_req, res) => {
      peak = Math.max(peak, ++concurrent);
      setTimeout(() => (concurrent--, res.end()), 5);
    });
    const result = await runLoad({ kind: "closed", startVUs: 4, stages: [{ durationS: 1, target: 4 }] }, exec, []);
    expect(peak).toBe(4);
    expect(result.requests).toBeGreaterThan(200); // 4 users x ~5 ms per request for 1 s
    expect(result.latencyMs.p50).toBeGreaterThanOrEqual(5);
    expect(result.planned).toBe(0);
  });

  it("ramps virtual users linearly between stages", () => {
    const stages = [{ durationS: 10, target: 100 }, { durationS: 10, target: 100 }, { durationS: 10, target: 0 }];
    expect([0, 5, 10, 15, 25, 30].map((t) => vusAt(0, stages, t))).toEqual([0, 50, 100, 100, 50, 0]);
  });
});

describe("windows", () => {
  it("follow the planned length (a 12 s run records 2-second windows)", async () => {
    const exec = await target((_req, res) => res.end("ok"));
    const result = await runLoad({ kind: "closed", startVUs: 1, stages: [{ durationS: 12, target: 1 }], iterationsPerVU: 3 }, exec, []);
    expect(result.windowS).toBe(2);
    expect(result.windows["GET /"]!.map((w) => w.startS)).toEqual([0]);
  });
});

describe("histograms", () => {
  it("never report a percentile above the maximum recorded", () => {
    const h = newHistogram();
    // 605.158 ms sits in a bucket whose highest equivalent value is 605.183 ms.
    for (let i = 0; i < 998; i++) recordMs(h, 10);
    recordMs(h, 605.158);
    recordMs(h, 605.158);
    expect(h.getValueAtPercentile(99.9)).toBe(605_183); // HdrHistogram's own reading, above max
    const s = summarize(h);
    expect(s.max).toBeCloseTo(605.158, 1);
    for (const p of [s.p50, s.p90, s.p95, s.p99, s.p999]) expect(p).toBeLessThanOrEqual(s.max);
    expect(s.p999).toBe(s.max);
  });

  it("round-trip through the compressed encoding and merge across workers", () => {
    const a = newHistogram();
    const b = newHistogram();
    for (let i = 1; i <= 100; i++) recordMs(a, i);
    for (let i = 101; i <= 200; i++) recordMs(b, i);
    const merged = decodeHistogram(encodeHistogram(a));
    merged.add(decodeHistogram(encodeHistogram(b)));
    expect(merged.totalCount).toBe(200);
    expect(merged.getValueAtPercentile(50) / 1000).toBeCloseTo(100, 0);
    expect(merged.maxValue / 1000).toBeCloseTo(200, 0);
  });
});
