import type { Metadata } from "next";
import { requireActor } from "@/lib/services/auth/dal";
import { can } from "@/lib/auth/roles";
import { resourcesState } from "@/lib/services/resources/resources-state";
import { resourceHistory } from "@/lib/services/resources/resource-history";
import { resourcesRange } from "@/lib/validations/resources-range";
import { AdmissionTable } from "@/components/resources/admission-table";
import { SettingsForm } from "@/components/resources/settings-form";
import { ResourceCharts } from "@/components/resources/resource-charts";
import { updatePriceTableAction, updateResourceSettingsAction } from "./actions";
import { resourceCost } from "@/lib/services/resources/resource-cost";
import { CostPanel } from "@/components/resources/cost-panel";
import { PriceForm } from "@/components/resources/price-form";
import { formatUtc } from "@/components/ui/timestamp";
import { StatusBadge } from "@/components/ui/status-badge";
import { RESOURCE_THRESHOLDS } from "@/core/engines/admission/thresholds";

export const metadata: Metadata = { title: "Resources" };

type Search = Record<string, string | string[] | undefined>;

export default async function ResourcesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const range = resourcesRange((await searchParams).range);
  const [state, history, cost] = await Promise.all([resourcesState(actor), resourceHistory(actor, { range }), resourceCost(actor, { range })]);
  const admin = can(actor.role, "policy.change");
  const live = state.live;
  return (
    <>
      <h1>Resources</h1>
      <section className="panel" data-testid="admission-live">
        <h2>Admission by clinical criticality</h2>
        {state.liveError && <p className="notice" data-testid="admission-unavailable">{state.liveError}</p>}
        {live && (
          <>
            <p data-testid="admission-mode">
              Adaptive concurrency limit: {live.enabled === null ? "not reported" : live.enabled ? "on (sheds the lowest criticality first)" : "off (observing only; nothing is shed)"}
              {live.minRttMs !== null && `; minimum RTT last measured ${live.minRttMs} ms`}. Emergency alerts are never shed. Read at {formatUtc(live.at)}; counts since the service started.
            </p>
            <AdmissionTable live={live} />
            <h3>Process</h3>
            <ul data-testid="resource-thresholds">
              <li data-testid="threshold-memory">
                Heap: {live.heapShare === null ? "not reported" : `${(live.heapShare * 100).toFixed(1)} % of V8's limit`} — threshold {RESOURCE_THRESHOLDS.memory * 100} %:{" "}
                <StatusBadge testId="threshold-memory-status" status={live.heapShare === null ? "neutral" : live.heapShare < RESOURCE_THRESHOLDS.memory ? "ok" : "bad"} label={live.heapShare === null ? "not measured" : live.heapShare < RESOURCE_THRESHOLDS.memory ? "within" : "over"} />
              </li>
              <li data-testid="event-loop-lag">Event-loop lag p99: {live.eventLoopLagP99Ms === null ? "not reported" : `${live.eventLoopLagP99Ms} ms`}</li>
              <li>CPU (threshold {RESOURCE_THRESHOLDS.cpu * 100} % of a core) is a rate over time: see the charts below (and the VigilClinicalCpuHigh alert).</li>
            </ul>
            <h3>Rate limits</h3>
            <p data-testid="rate-limit-store">
              {live.rateLimitStore === "off" && "Rate limiting is off."}
              {live.rateLimitStore === "redis" && "On: budgets per client address, shared by every instance through Redis."}
              {live.rateLimitStore === "memory" && "On: budgets per client address kept in this instance's memory (no Redis, or Redis is down: the insurance limiter is charging)."}
              {live.rateLimitStore === null && "Not reported by this service."}
            </p>
            {live.rejectedByEndpoint.length === 0
              ? <p data-testid="rate-limit-rejections">No request has been throttled since the service started.</p>
              : (
                <table data-testid="rate-limit-rejections">
                  <thead><tr><th>Endpoint</th><th>Bucket</th><th className="num">Throttled</th></tr></thead>
                  <tbody>{live.rejectedByEndpoint.map((r) => <tr key={`${r.endpoint}-${r.bucket}`}><td>{r.endpoint}</td><td>{r.bucket}</td><td className="num">{r.count}</td></tr>)}</tbody>
                </table>
              )}
          </>
        )}
      </section>
      <ResourceCharts history={history} />
      <section className="panel">
        <h2>Settings</h2>
        {!state.configured && <p className="notice">Resource control is not configured: set CLINICAL_ADMIN_SECRET for the console and the clinical service (npm start does this).</p>}
        {state.serviceError && <p className="notice">{state.serviceError}</p>}
        {state.service && <p data-testid="service-resource-version">The service runs settings version {state.service.version}, applied {formatUtc(state.service.appliedAt)}.</p>}
        <SettingsForm fields={state.fields} {...state.saved} editable={admin && state.configured} action={updateResourceSettingsAction} />
      </section>
      <CostPanel cost={cost} />
      <section className="panel" data-testid="price-table">
        <h2>Price table</h2>
        <p className="muted">Prices every cost figure on the console: the estimate above and the Scaling simulator&apos;s replica-hours. The clinical service never reads them, so a saved table is in effect at once.</p>
        <PriceForm saved={cost.priceTable} editable={admin} action={updatePriceTableAction} />
      </section>
    </>
  );
}
