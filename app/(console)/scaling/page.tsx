import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/services/auth/dal";
import { can } from "@/lib/auth/roles";
import { recordedDemandForecast, syntheticDemandForecast } from "@/lib/services/scaling/demand-forecasts";
import { KUBERNETES_EXPORTS } from "@/lib/services/scaling/kubernetes-export";
import { recentDecisions } from "@/lib/services/scaling/scaler-decisions";
import { scalerStatus } from "@/lib/services/scaling/scaler-status";
import { currentScalingPolicy } from "@/lib/services/scaling/scaling-policy";
import { simulationReport } from "@/lib/services/scaling/simulation-report";
import { activeSurge } from "@/lib/services/scaling/surges";
import { DecisionsPanel } from "@/components/scaling/decisions-panel";
import { ForecastPanel } from "@/components/scaling/forecast-panel";
import { ScalingPolicyForm } from "@/components/scaling/policy-form";
import { SimulationPanel } from "@/components/scaling/simulation-panel";
import { SurgePanel } from "@/components/scaling/surge-panel";
import { startSurgeAction, updateScalingPolicyAction } from "./actions";

export const metadata: Metadata = { title: "Scaling" };
export const dynamic = "force-dynamic";

export default async function ScalingPage() {
  const actor = await requirePagePermission("console.view", "scaling.view");
  const admin = can(actor.role, "policy.change");
  const [saved, surge, recorded, synthetic, simulation, decisions, status] = await Promise.all([
    currentScalingPolicy(), activeSurge(), recordedDemandForecast(), syntheticDemandForecast(), simulationReport(), recentDecisions(), scalerStatus(),
  ]);
  return (
    <>
      <h1>Scaling</h1>
      <section className="panel">
        <h2>Policy: clinical service</h2>
        {!admin && <p className="muted">Read-only: only administrators change scaling policies.</p>}
        <ScalingPolicyForm saved={saved} editable={admin} action={updateScalingPolicyAction} />
      </section>
      <section className="panel">
        <h2>Emergency surge</h2>
        <SurgePanel active={surge} factor={saved.policy.surge.factor} editable={admin} action={startSurgeAction} />
      </section>
      <section className="panel">
        <h2>Local scaler: decisions</h2>
        <DecisionsPanel decisions={decisions} status={status.text} />
      </section>
      <section className="panel">
        <h2>Demand forecast (forecast-only: may add capacity ahead of time, never removes it)</h2>
        <h3>Recorded traffic</h3>
        <ForecastPanel f={recorded} testId="forecast-recorded" />
        <h3>Synthetic hospital</h3>
        <ForecastPanel f={synthetic} testId="forecast-synthetic" />
      </section>
      <section className="panel">
        <h2>Simulation: HPA vs KEDA vs Vigil on a held-out week</h2>
        <SimulationPanel r={simulation} />
      </section>
      <section className="panel" data-testid="kubernetes-downloads">
        <h2>Kubernetes</h2>
        <p>Generated from the saved policy (version {saved.version}); validated against the Kubernetes, KEDA and VPA schemas in the test suite. Apply the HPA or the KEDA ScaledObject, not both.</p>
        <ul>
          {KUBERNETES_EXPORTS.map((f) => <li key={f}><a href={`/api/scaling/kubernetes/${f}`} data-testid={`download-${f}`}>{f}</a></li>)}
        </ul>
      </section>
    </>
  );
}
