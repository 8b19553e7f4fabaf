import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { LEASE_SHARE, LeasedLimiter, type Limiter } from "../src/http/leased-limiter";

/** A shared store (in memory here; Redis in the service) that counts the calls made to it. */
function sharedStore(points: number, durationS = 60) {
  const inner = new RateLimiterMemory({ points, duration: durationS });
  let calls = 0;
  const store: Limiter = { consume: (k, p) => (calls++, inner.consume(k, p)) };
  return { store, calls: () => calls, consumed: async (k: string) => (await inner.get(k))?.consumedPoints ?? 0 };
}

const settle = (limiter: Limiter, n: number, points = 1, key = "client-a") =>
  Promise.allSettled(Array.from({ length: n }, () => limiter.consume(key, points)));
const admitted = (rs: PromiseSettledResult<unknown>[]) => rs.filter((r) => r.status === "fulfilled").length;

describe("LeasedLimiter", () => {
  it("admits exactly the budget under concurrency and asks the store once per lease, not per request", async () => {
    const s = sharedStore(200);
    const limiter = new LeasedLimiter(s.store, 200);
    const results = await settle(limiter, 300);
    expect(admitted(results)).toBe(200);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(RateLimiterRes);
    expect(s.calls()).toBeLessThanOrEqual(200 / (200 * LEASE_SHARE) + 12); // leases, then exact charges near the end
    expect(await s.consumed("client-a")).toBeLessThanOrEqual(200 + 200 * LEASE_SHARE);
  });

  it("never lets instances sharing a store admit more than the budget together", async () => {
    const s = sharedStore(500);
    const [a, b] = [new LeasedLimiter(s.store, 500), new LeasedLimiter(s.store, 500)];
    const results = await Promise.all([settle(a, 400), settle(b, 400)]);
    const total = admitted(results[0]!) + admitted(results[1]!);
    expect(total).toBeLessThanOrEqual(500);
    expect(total).toBeGreaterThanOrEqual(500 - 2 * 500 * LEASE_SHARE); // a lease left unspent at most per instance
  });

  it("reports what the client has left, counting its unspent lease, and charges weights exactly", async () => {
    const s = sharedStore(100);
    const limiter = new LeasedLimiter(s.store, 100);
    expect((await limiter.consume("c", 1)).remainingPoints).toBe(99);
    expect((await limiter.consume("c", 10)).remainingPoints).toBe(89);
    expect((await limiter.consume("c", 50)).remainingPoints).toBe(39);
    await expect(limiter.consume("c", 50)).rejects.toBeInstanceOf(RateLimiterRes);
    expect((await limiter.consume("c", 39)).remainingPoints).toBe(0);
    expect(await s.consumed("c")).toBe(100);
  });

  it("starts again when the window ends", async () => {
    const s = sharedStore(10, 1);
    const limiter = new LeasedLimiter(s.store, 10);
    expect(admitted(await settle(limiter, 15))).toBe(10);
    await new Promise((r) => setTimeout(r, 1100));
    expect(admitted(await settle(limiter, 5))).toBe(5);
  });
});
