import "server-only";
import { SLOS } from "@/core/engines/slo/definitions";
import { evaluateAlerts, SLO_WINDOWS, type SloWindow } from "@/core/engines/slo/burn-rate";
import { sloSource } from "../monitoring/slo-history";

/** Ids of the emergency SLOs whose page-severity burn-rate alert fires now. */
export async function firingEmergencyAlerts(): Promise<string[]> {
  const source = await sloSource();
  const emergency = SLOS.filter((s) => s.priorityClass === "emergency");
  const firing: string[] = [];
  for (const slo of emergency) {
    const ratios = await Promise.all(SLO_WINDOWS.map((w) => source.errorRatio(slo, w)));
    const byWindow = Object.fromEntries(SLO_WINDOWS.map((w, i) => [w, ratios[i]!])) as Record<SloWindow, number | null>;
    if (evaluateAlerts(slo, byWindow).some((a) => a.severity === "page" && a.firing)) firing.push(slo.id);
  }
  return firing;
}
