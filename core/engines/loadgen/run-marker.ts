import { randomUUID } from "node:crypto";

/**
 * Header every load-test request carries, so the clinical service can label its metrics as
 * synthetic and SLOs can leave them out. The value is an opaque random tag per target (one
 * run), never a person, patient or account.
 */
export const RUN_HEADER = "x-vigil-run";

/** Request metric label telling load-test traffic from real traffic (two values only). */
export const TRAFFIC_LABEL = "traffic";
export type TrafficKind = "real" | "synthetic";

/** A constant header object for one run: built once, reused by every request (no per-request allocation). */
export function runMarker(tag: string = randomUUID()): Readonly<Record<string, string>> {
  return Object.freeze({ [RUN_HEADER]: tag });
}
