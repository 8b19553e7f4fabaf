import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Requests older than this (or this far in the future) are refused. */
export const MAX_SKEW_MS = 60_000;

/** HMAC-SHA256 over `method \n path \n timestamp \n nonce \n body`, hex. */
export function signAdminRequest(secret: string, method: string, path: string, timestampMs: number, nonce: string, body: string): string {
  return createHmac("sha256", secret).update(`${method.toUpperCase()}\n${path}\n${timestampMs}\n${nonce}\n${body}`).digest("hex");
}

/** Headers for a signed console → clinical-service admin call; each call gets a fresh nonce. */
export function adminHeaders(secret: string, method: string, path: string, body: string, now = Date.now(), nonce = randomBytes(16).toString("hex")): Record<string, string> {
  return {
    "x-vigil-timestamp": String(now),
    "x-vigil-nonce": nonce,
    "x-vigil-signature": signAdminRequest(secret, method, path, now, nonce, body),
  };
}

/**
 * Nonces seen within the skew window. A signed call is accepted once: within the window its
 * nonce is remembered, after it the timestamp check refuses it anyway. Per process: a replay
 * to another instance of the service within the minute is not caught (each instance keeps its own).
 */
export class NonceWindow {
  private readonly seen = new Map<string, number>();

  /** False when the nonce was already used; records it otherwise. */
  claim(nonce: string, now = Date.now()): boolean {
    for (const [n, at] of this.seen) {
      if (now - at <= MAX_SKEW_MS * 2) break; // insertion order: the rest are newer
      this.seen.delete(n);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

const NONCE = /^[0-9a-f]{32}$/;

/** Checks a signed admin request; returns a reason when it must be refused. */
export function verifyAdminRequest(
  secret: string,
  req: { method: string; path: string; body: string; timestamp?: string; nonce?: string; signature?: string },
  nonces: NonceWindow,
  now = Date.now(),
): string | null {
  const { timestamp, nonce, signature } = req;
  if (!timestamp || !signature || !nonce) return "missing signature";
  if (!NONCE.test(nonce)) return "invalid nonce";
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(now - ts) > MAX_SKEW_MS) return "stale or invalid timestamp";
  const expected = Buffer.from(signAdminRequest(secret, req.method, req.path, ts, nonce, req.body), "hex");
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "bad signature";
  // Claimed only once the signature is good, so forged calls cannot burn real nonces.
  return nonces.claim(nonce, now) ? null : "replayed request";
}
