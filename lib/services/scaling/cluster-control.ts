import "server-only";
import { env } from "../../env";
import { AppError } from "../../errors";
import { adminHeaders } from "@/core/engines/cache/signature";
import type { LocalMetrics } from "@/core/engines/scaling/local-decision";

export interface ClusterState {
  workers: number;
  maxWorkers: number;
  database: "postgres" | "pglite";
  metrics: LocalMetrics;
  startupMs: number[];
}

/** A signed call to the clinical cluster's loopback control endpoint (HMAC with CLINICAL_ADMIN_SECRET). */
export async function clusterControl<T>(method: "GET" | "PUT", path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const base = env().CLINICAL_CLUSTER_URL;
  const secret = env().CLINICAL_ADMIN_SECRET;
  if (!base || !secret) throw new AppError("CONFLICT", "The local scaler is not configured: set CLINICAL_CLUSTER_URL and CLINICAL_ADMIN_SECRET, and start the clinical service with npm run start:clinical-cluster.");
  const text = body === undefined ? "" : JSON.stringify(body);
  try {
    // Scaling up waits for the new workers to listen (measured ~15 s here), so allow a minute.
    const res = await fetch(new URL(path, base), { method, body: body === undefined ? undefined : text, headers: adminHeaders(secret, method, path, text), signal: AbortSignal.timeout(70_000) });
    return { status: res.status, body: (await res.json()) as T };
  } catch (err) {
    throw new AppError("UNAVAILABLE", `The clinical cluster did not answer (${(err as Error).message}).`);
  }
}
