import { describe, expect, it } from "vitest";
import { adminHeaders, MAX_SKEW_MS, NonceWindow, verifyAdminRequest } from "./signature";

const SECRET = "a-test-secret-that-is-long-enough-000";
const request = (h: Record<string, string>, body = "{}") => ({
  method: "POST", path: "/admin/x", body, timestamp: h["x-vigil-timestamp"], nonce: h["x-vigil-nonce"], signature: h["x-vigil-signature"],
});

describe("signed admin requests", () => {
  it("accepts a signed call once and refuses its replay", () => {
    const nonces = new NonceWindow();
    const h = adminHeaders(SECRET, "POST", "/admin/x", "{}");
    expect(verifyAdminRequest(SECRET, request(h), nonces)).toBeNull();
    expect(verifyAdminRequest(SECRET, request(h), nonces)).toBe("replayed request");
  });

  it("refuses a missing or altered nonce, a changed body and a stale timestamp", () => {
    const nonces = new NonceWindow();
    const h = adminHeaders(SECRET, "POST", "/admin/x", "{}");
    expect(verifyAdminRequest(SECRET, { ...request(h), nonce: undefined }, nonces)).toBe("missing signature");
    expect(verifyAdminRequest(SECRET, { ...request(h), nonce: "f".repeat(32) }, nonces)).toBe("bad signature");
    expect(verifyAdminRequest(SECRET, request(h, '{"a":1}'), nonces)).toBe("bad signature");
    const old = adminHeaders(SECRET, "POST", "/admin/x", "{}", Date.now() - MAX_SKEW_MS - 1);
    expect(verifyAdminRequest(SECRET, request(old), nonces)).toBe("stale or invalid timestamp");
    // Forged attempts did not use up the real nonce.
    expect(verifyAdminRequest(SECRET, request(h), nonces)).toBeNull();
  });

  it("forgets nonces once their timestamps could no longer pass", () => {
    const nonces = new NonceWindow();
    expect(nonces.claim("a".repeat(32), 0)).toBe(true);
    expect(nonces.claim("a".repeat(32), MAX_SKEW_MS)).toBe(false);
    expect(nonces.claim("b".repeat(32), 3 * MAX_SKEW_MS)).toBe(true);
    expect(nonces.claim("a".repeat(32), 3 * MAX_SKEW_MS)).toBe(true);
  });
});
