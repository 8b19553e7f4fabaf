import "server-only";
import { env } from "../../env";
import { decideWorkers, type RecommendationHistory } from "@/core/engines/scaling/local-decision";
import { clusterControl, type ClusterState } from "./cluster-control";
import { recordDecision } from "./scaler-decisions";
import { currentScalingPolicy } from "./scaling-policy";
import { firingEmergencyAlerts } from "./emergency-alerts";
import { activeSurge, surgeOnEmergencyAlert } from "./surges";
import { liveForecast } from "./live-forecast";

const KEY = Symbol.for("vigil.scaler");
type Holder = { [KEY]?: { timer: NodeJS.Timeout; last: { at: string; state: ClusterState | null; error: string | null } } };
let history: RecommendationHistory = [];
let busy = false;

export function lastScalerTick() {
  return (globalThis as Holder)[KEY]?.last ?? null;
}

/**
 * One scaler step: read the cluster's measured load, decide with the saved policy (and any active
 * surge), and apply it. With the embedded PGlite the decision is logged as dry-run and not applied;
 * a change the cluster cannot make is logged as failed and the current workers stay.
 */
export async function scalerTick(now = new Date()): Promise<void> {
  const { body: state } = await clusterControl<ClusterState>("GET", "/cluster/state");
  // The emergency burn-rate alert starts a surge by itself (once; it expires on its own).
  await surgeOnEmergencyAlert(await firingEmergencyAlerts().catch(() => []));
  const [{ policy }, surge] = await Promise.all([currentScalingPolicy(), activeSurge("clinical", now)]);
  const forecast = await liveForecast(policy, now);
  // In dry-run (PGlite) it decides as if the machine's workers were available, to show what it would do.
  const d = decideWorkers(policy, state.workers, state.maxWorkers, state.metrics, now, surge?.factor ?? null, history, forecast);
  history = d.history;
  if (d.desired === state.workers) return;
  if (state.database === "pglite") {
    await recordDecision({ mode: "dry-run", fromWorkers: state.workers, toWorkers: d.desired, rule: d.rule, metrics: d.metrics, outcome: "dry-run", error: "embedded PGlite is single-process: not applied" });
    return;
  }
  const res = await clusterControl<{ ok: boolean; workers: number; error?: string }>("PUT", "/cluster/workers", { workers: d.desired });
  await recordDecision({ mode: "live", fromWorkers: state.workers, toWorkers: res.body.ok ? res.body.workers : d.desired, rule: d.rule, metrics: d.metrics, outcome: res.body.ok ? "applied" : "failed", error: res.body.ok ? null : (res.body.error ?? `status ${res.status}`) });
}

/** Starts the scaler loop when the cluster is configured (once per process). */
export function startScaler(): void {
  const holder = globalThis as Holder;
  if (holder[KEY] || !env().CLINICAL_CLUSTER_URL || !env().CLINICAL_ADMIN_SECRET) return;
  const last = { at: new Date().toISOString(), state: null as ClusterState | null, error: null as string | null };
  const tick = async () => {
    if (busy) return; // a scale-up can take longer than one interval
    busy = true;
    try {
      await scalerTick();
      last.error = null;
    } catch (err) {
      last.error = (err as Error).message;
    } finally {
      busy = false;
      last.at = new Date().toISOString();
    }
  };
  holder[KEY] = { timer: setInterval(() => void tick(), env().VIGIL_SCALER_INTERVAL_S * 1000), last };
  holder[KEY].timer.unref();
}


