import "server-only";
import { env } from "../../env";
import { clusterControl, type ClusterState } from "./cluster-control";

export interface ScalerStatus {
  mode: "off" | "dry-run" | "live";
  text: string;
  state: ClusterState | null;
}

/** What the local scaler is doing, asked of the cluster now. */
export async function scalerStatus(): Promise<ScalerStatus> {
  if (!env().CLINICAL_CLUSTER_URL) {
    return { mode: "off", text: "The local scaler is off: start the clinical service with npm run start:clinical-cluster and set CLINICAL_CLUSTER_URL for the console.", state: null };
  }
  try {
    const { body: s } = await clusterControl<ClusterState>("GET", "/cluster/state");
    const load = `${s.metrics.rps.toFixed(1)} req/s, ${s.metrics.inFlight} in flight, p95 ${s.metrics.p95Ms === null ? "—" : `${s.metrics.p95Ms.toFixed(1)} ms`}`;
    if (s.database === "pglite") {
      return { mode: "dry-run", text: `Dry-run: the clinical service uses the embedded PGlite, which is single-process, so it stays at 1 worker; decisions are logged but not applied. Live scaling needs CLINICAL_DATABASE_URL (PostgreSQL). Now: ${load}.`, state: s };
    }
    return { mode: "live", text: `Live: ${s.workers} worker(s) of at most ${s.maxWorkers} on this machine; ${load}. Last measured worker start-up: ${s.startupMs.length ? `${(s.startupMs[s.startupMs.length - 1]! / 1000).toFixed(1)} s` : "—"}.`, state: s };
  } catch (err) {
    return { mode: "off", text: `The clinical cluster did not answer: ${(err as Error).message}`, state: null };
  }
}
