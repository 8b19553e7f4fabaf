import { createHmac, timingSafeEqual } from "node:crypto";

/** Requests older than this (or this far in the future) are refused: no replays. */
export const MAX_SKEW_MS = 60_000;

/** HMAC-SHA256 over `method \n path \n timestamp \n body`, hex. */
export function signAdminRequest(secret: string, method: string, path: string, timestampMs: number, body: string): string {
  return createHmac("sha256", secret).update(`${method.toUpperCase()}\n${path}\n${timestampMs}\n${body}`).digest("hex");
}

/** Headers for a signed console → clinical-service admin call. */
export function adminHeaders(secret: string, method: string, path: string, body: string, now = Date.now()): Record<string, string> {
  return { "x-vigil-timestamp": String(now), "x-vigil-signature": signAdminRequest(secret, method, path, now, body) };
}

/** Checks a signed admin request; returns a reason when it must be refused. */
export function verifyAdminRequest(secret: string, method: string, path: string, body: string, timestamp: string | undefined, signature: string | undefined, now = Date.now()): string | null {
  if (!timestamp || !signature) return "missing signature";
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(now - ts) > MAX_SKEW_MS) return "stale or invalid timestamp";
  const expected = Buffer.from(signAdminRequest(secret, method, path, ts, body), "hex");
  const given = Buffer.from(signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : "bad signature";
}
