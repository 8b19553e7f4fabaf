import "server-only";
import type { Actor } from "../../auth/actor";
import { authorize } from "../../auth/authorize";
import { AppError } from "../../errors";
import { kubernetesFiles } from "@/core/engines/scaling/kubernetes/export";
import { currentScalingPolicy } from "./scaling-policy";

/** Download names (the file names under deploy/kubernetes/). */
export const KUBERNETES_EXPORTS = ["console.yaml", "clinical.yaml", "clinical-hpa.yaml", "clinical-keda.yaml", "clinical-vpa.yaml"] as const;

/** One manifest generated from the saved policy (not the committed defaults). */
export async function kubernetesExport(actor: Actor | null, file: string): Promise<{ name: string; text: string; policyVersion: number }> {
  await authorize(actor, "console.view", { action: "scaling.export" });
  if (!(KUBERNETES_EXPORTS as readonly string[]).includes(file)) throw new AppError("NOT_FOUND", `No such export; one of: ${KUBERNETES_EXPORTS.join(", ")}`);
  const saved = await currentScalingPolicy();
  const text = kubernetesFiles(saved.policy)[`deploy/kubernetes/${file}`]!;
  return { name: file, text, policyVersion: saved.version };
}
