import { requireActor } from "@/lib/services/auth/dal";
import { can } from "@/lib/auth/roles";
import { POOL_CLASSES } from "@/core/engines/pool/classes";
import { poolState } from "@/lib/services/database/pool-state";
import { formatUtc } from "@/components/ui/timestamp";
import { PoolForm, type PoolSettingsAction } from "./pool-form";

const ms = (s: number | null) => (s === null ? "–" : s === Infinity ? "> 30 s" : s < 0.001 ? `≤ ${(s * 1000).toFixed(1)} ms` : `≤ ${Math.round(s * 1000)} ms`);

/** The Database page's priority connection pools: what runs, how each class waits, and (admins) the settings. */
export async function PoolSection({ action }: { action: PoolSettingsAction }) {
  const actor = await requireActor();
  const state = await poolState(actor);
  const admin = can(actor.role, "policy.change");
  return (
    <section className="panel" data-testid="pool-section">
      <h2>Priority connection pools</h2>
      <p className="muted">
        Every clinical query waits for a connection in its class&apos;s place: emergency, then patient data, clinical data, system (health checks), AI inference.
        Reserved connections serve their class or a higher one; idle unreserved connections go to anyone.
      </p>
      {!state.configured && <p className="notice">Pool control is not configured: set CLINICAL_ADMIN_SECRET for the console and the clinical service (npm start does this).</p>}
      {state.serviceError && <p className="notice">{state.serviceError}</p>}
      {state.service && (
        <p data-testid="pool-service-version">
          The service runs pool settings version {state.service.version} ({state.service.settings.size} connections), applied {formatUtc(state.service.appliedAt)}.
        </p>
      )}
      {state.usage === null ? (
        <p className="notice" data-testid="pool-usage-unavailable">The clinical service&apos;s /metrics did not answer: no live pool figures.</p>
      ) : (
        <table data-testid="pool-usage">
          <caption className="muted">Live from the service&apos;s /metrics; waits counted since it started (p95 is the upper bound of its histogram bucket).</caption>
          <thead><tr><th>Class</th><th>In use</th><th>Waiting</th><th>Queries</th><th>Wait p95</th><th>Timed out (wait / statement)</th></tr></thead>
          <tbody>
            {POOL_CLASSES.map((c) => {
              const u = state.usage![c];
              return (
                <tr key={c} data-testid={`pool-usage-${c}`}>
                  <td>{c}</td>
                  <td>{u?.inUse ?? 0}</td>
                  <td>{u?.waiting ?? 0}</td>
                  <td>{u?.queries ?? 0}</td>
                  <td>{ms(u?.waitP95S ?? null)}</td>
                  <td>{u ? `${u.timeouts.wait} / ${u.timeouts.statement}` : "0 / 0"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3>Settings</h3>
      <PoolForm {...state.saved} editable={admin && state.configured} action={action} />
    </section>
  );
}
