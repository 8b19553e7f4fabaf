import "server-only";
import { authorize } from "../../auth/authorize";
import type { Actor } from "../../auth/actor";
import { SLOS, type Slo } from "@/core/engines/slo/definitions";
import { SLO_WINDOWS, evaluateAlerts, type AlertEvaluation, type SloWindow } from "@/core/engines/slo/burn-rate";
import { sloSource, type SloSource } from "./slo-history";
import type { TrafficOptions } from "@/core/engines/slo/promql";

export interface SloStatus {
  slo: Slo;
  /** Over the 30-day window, or over the history there is when shorter. */
  attainment: number | null;
  budgetRemaining: number | null;
  alerts: AlertEvaluation[];
}

export interface SloReport {
  source: { kind: SloSource["kind"]; description: string; historyS: number | null; includeSynthetic: boolean };
  statuses: SloStatus[];
  error?: string;
}

/** SLO attainment, error budget left and burn-rate alerts for every SLO, from the configured source. */
export async function sloReport(actor: Actor | null, opts: TrafficOptions = {}): Promise<SloReport> {
  await authorize(actor, "console.view", { action: "slo.view" });
  const source = await sloSource(opts);
  const info = { kind: source.kind, description: source.description, historyS: source.historyS, includeSynthetic: source.includeSynthetic };
  try {
    const statuses = await Promise.all(SLOS.map(async (slo) => {
      const ratios = await Promise.all(SLO_WINDOWS.map((w) => source.errorRatio(slo, w)));
      const byWindow = Object.fromEntries(SLO_WINDOWS.map((w, i) => [w, ratios[i]!])) as Record<SloWindow, number | null>;
      const period = await source.errorRatio(slo, "30d");
      return {
        slo,
        attainment: period === null ? null : 1 - period,
        budgetRemaining: period === null ? null : 1 - period / (1 - slo.objective),
        alerts: evaluateAlerts(slo, byWindow),
      };
    }));
    return { source: info, statuses };
  } catch (err) {
    return { source: info, statuses: [], error: `Could not read SLO history: ${(err as Error).message}` };
  }
}
