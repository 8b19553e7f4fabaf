import "server-only";
import { env } from "../../env";

export type ClinicalProbe =
  | { reachable: true; httpStatus: number; roundTripMs: number; body: unknown; url: string }
  | { reachable: false; error: string; url: string };

const PROBE_TIMEOUT_MS = 2000;

/** One real request to the clinical service's /health, timed; nothing is assumed. */
export async function probeClinicalService(): Promise<ClinicalProbe> {
  const url = new URL("/health", env().CLINICAL_URL).toString();
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), cache: "no-store" });
    const body = await res.json().catch(() => null);
    return { reachable: true, httpStatus: res.status, roundTripMs: performance.now() - started, body, url };
  } catch (err) {
    const error = err instanceof Error && err.name === "TimeoutError" ? `no answer within ${PROBE_TIMEOUT_MS} ms` : "connection refused or failed";
    return { reachable: false, error, url };
  }
}
