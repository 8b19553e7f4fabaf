import "server-only";
import { env } from "../../env";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import type { PoolSettings } from "@/core/engines/pool/policy";
import { poolUsage, type PoolClassUsage } from "../../metrics/pool-usage";
import { clinicalAdmin } from "../caching/clinical-admin";
import { currentPoolSettings, type SavedPoolSettings } from "./pool-settings";

export interface ServicePoolState {
  version: number;
  settings: PoolSettings;
  appliedAt: string;
}

export interface PoolState {
  saved: SavedPoolSettings;
  /** What the clinical service runs (null: not configured or not answering, see serviceError). */
  service: ServicePoolState | null;
  serviceError: string | null;
  configured: boolean;
  /** Live from the service's /metrics, cumulative since it started (null: unreachable). */
  usage: Record<string, PoolClassUsage> | null;
}

async function liveUsage(): Promise<Record<string, PoolClassUsage> | null> {
  try {
    const res = await fetch(new URL("/metrics", env().CLINICAL_URL), { signal: AbortSignal.timeout(2000) });
    return res.ok ? poolUsage(await res.text()) : null;
  } catch {
    return null;
  }
}

/** Everything the Database page's pool section shows: saved settings, what the service runs, live usage. */
export async function poolState(actor: Actor | null): Promise<PoolState> {
  await authorize(actor, "console.view", { action: "database.pool.view" });
  const configured = Boolean(env().CLINICAL_ADMIN_SECRET);
  const [saved, usage, service] = await Promise.all([
    currentPoolSettings(),
    liveUsage(),
    configured ? clinicalAdmin<ServicePoolState>("GET", "/admin/pool/settings").then((s) => ({ s, e: null }), (err: Error) => ({ s: null, e: err.message })) : Promise.resolve({ s: null, e: null }),
  ]);
  return { saved, service: service.s, serviceError: service.e, configured, usage };
}
