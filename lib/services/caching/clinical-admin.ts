import "server-only";
import { env } from "../../env";
import { AppError } from "../../errors";
import { adminHeaders } from "@/core/engines/cache/signature";
import type { CachePolicies } from "@/core/engines/cache/policy";

export interface ServiceCacheState {
  version: number;
  policies: CachePolicies;
  appliedAt: string;
  tiers: { l1: boolean; l2: "connected" | "down" | "not-configured" | "disabled-no-key" | "off" };
}

/** Long enough for a control-plane call; statistics reads may pass a longer one. */
const DEFAULT_ADMIN_TIMEOUT_MS = 2000;

/**
 * The service answered with an error status. Still an UNAVAILABLE AppError with the generic
 * message for callers that only report it; `status` and the OperationOutcome's `diagnostics`
 * (the service's own words, never patient data) for callers that act on the reason.
 */
export class ClinicalAdminRefusal extends AppError {
  constructor(readonly status: number, readonly diagnostics: string | null, path: string) {
    super("UNAVAILABLE", `The clinical service refused the call to ${path} (${status}).`);
    this.name = "ClinicalAdminRefusal";
  }
}

async function diagnosticsOf(res: Response): Promise<string | null> {
  try {
    const body = (await res.json()) as { issue?: { diagnostics?: unknown }[] };
    const d = body.issue?.[0]?.diagnostics;
    return typeof d === "string" ? d : null;
  } catch {
    return null;
  }
}

/** A signed call to the clinical service's control plane (HMAC with CLINICAL_ADMIN_SECRET). */
export async function clinicalAdmin<T>(method: "GET" | "PUT" | "POST", path: string, body?: unknown, opts: { timeoutMs?: number } = {}): Promise<T> {
  const secret = env().CLINICAL_ADMIN_SECRET;
  if (!secret) throw new AppError("CONFLICT", "Cache control is not configured: set CLINICAL_ADMIN_SECRET for the console and the clinical service.");
  const text = body === undefined ? "" : JSON.stringify(body);
  let res: Response;
  try {
    res = await fetch(new URL(path, env().CLINICAL_URL), {
      method,
      body: body === undefined ? undefined : text,
      headers: { ...adminHeaders(secret, method, path, text), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_ADMIN_TIMEOUT_MS),
    });
  } catch (err) {
    throw new AppError("UNAVAILABLE", `The clinical service did not answer (${(err as Error).message}).`);
  }
  if (!res.ok) throw new ClinicalAdminRefusal(res.status, await diagnosticsOf(res), path);
  return (await res.json()) as T;
}
