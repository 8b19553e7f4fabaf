import "server-only";

export interface ScalerStatus {
  mode: "off" | "dry-run" | "live";
  text: string;
}

/** What the local scaler is doing (completed by the scaler loop once it runs). */
export async function scalerStatus(): Promise<ScalerStatus> {
  return { mode: "off", text: "The local scaler is not running: start the clinical service as a cluster (npm run start:clinical-cluster) to see live decisions." };
}
