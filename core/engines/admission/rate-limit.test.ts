import { describe, expect, it } from "vitest";
import { DEFAULT_RATE_LIMIT_SETTINGS as D, rateLimitHeaders, rateLimitSettingsSchema } from "./rate-limit";

const fields = (v: unknown) => {
  const r = rateLimitSettingsSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("rate-limit settings", () => {
  it("accepts the defaults", () => expect(fields(D)).toEqual([]));
  it("names the field that is out of range or inconsistent", () => {
    expect(fields({ ...D, windowS: 0 })).toEqual(["windowS"]);
    expect(fields({ ...D, unknownClientPoints: D.clientPoints + 1 })).toEqual(["unknownClientPoints"]);
    expect(fields({ ...D, weights: { ...D.weights, write: 500 } })).toEqual(["weights.write"]);
    expect(fields({ ...D, weights: { ...D.weights, search: 1.5 } })).toEqual(["weights.search"]);
  });
  it("formats the IETF draft headers, rounding the reset up to whole seconds", () => {
    expect(rateLimitHeaders("client", 2000, 1, 1950, 420)).toEqual({ "ratelimit-policy": '"client";q=2000;w=1', ratelimit: '"client";r=1950;t=1' });
    expect(rateLimitHeaders("client", 2000, 60, -5, 0).ratelimit).toBe('"client";r=0;t=0');
  });
});
