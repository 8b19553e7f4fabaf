import type { Metadata } from "next";
import { requireActor } from "@/lib/services/auth/dal";
import { can } from "@/lib/auth/roles";
import { cachingState } from "@/lib/services/caching/caching-state";
import { PolicyForm } from "@/components/caching/policy-form";
import { InvalidateForm } from "@/components/caching/invalidate-form";
import { HitRates } from "@/components/caching/hit-rates";
import { formatUtc } from "@/components/ui/timestamp";
import { invalidateAction, updatePoliciesAction } from "./actions";

export const metadata: Metadata = { title: "Caching" };

const L2_TEXT: Record<string, string> = {
  connected: "Redis connected (L2, shared by every instance; values encrypted with AES-256-GCM)",
  down: "Redis is down: serving from memory (L1) and the database until it returns",
  "not-configured": "Redis not configured (REDIS_URL not set): memory (L1) only",
  "disabled-no-key": "Redis configured but VIGIL_CACHE_KEY is not set: PHI never goes to Redis unencrypted, so memory (L1) only",
  off: "Caching is switched off on the clinical service (CLINICAL_CACHE=off)",
};

export default async function CachingPage() {
  const actor = await requireActor();
  const state = await cachingState(actor);
  const admin = can(actor.role, "policy.change");
  return (
    <>
      <h1>Caching</h1>
      <section className="panel" data-testid="cache-tiers">
        <h2>Tiers</h2>
        {!state.configured && <p className="notice">Cache control is not configured: set CLINICAL_ADMIN_SECRET for the console and the clinical service (npm start does this).</p>}
        {state.serviceError && <p className="notice">{state.serviceError}</p>}
        {state.service && (
          <ul>
            <li>Memory (L1): {state.service.tiers.l1 ? "on, per instance" : "off"}</li>
            <li data-testid="cache-l2">{L2_TEXT[state.service.tiers.l2] ?? state.service.tiers.l2}</li>
            <li>Database (L3): the clinical PostgreSQL/PGlite, behind every miss</li>
            <li data-testid="service-policy-version">The service runs policy version {state.service.version}, applied {formatUtc(state.service.appliedAt)}</li>
          </ul>
        )}
      </section>
      <section className="panel">
        <h2>Hit rate by data class (last hour)</h2>
        <HitRates points={state.hitRates} classes={state.classes} />
      </section>
      <section className="panel">
        <h2>Policies per data class</h2>
        <PolicyForm {...state.saved} editable={admin && state.configured} action={updatePoliciesAction} />
      </section>
      {admin && state.configured && (
        <section className="panel">
          <h2>Invalidate</h2>
          <InvalidateForm action={invalidateAction} />
        </section>
      )}
    </>
  );
}
