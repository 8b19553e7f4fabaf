"use client";

import { useActionState } from "react";
import { CACHE_DATA_CLASSES, NEVER_STALE, type CachePolicies } from "@/core/engines/cache/classes";
import type { SavedPolicies } from "@/lib/services/caching/cache-policies";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { ReasonField } from "@/components/ui/reason-field";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import type { FormAction } from "@/components/ui/form-action";
import { FieldError } from "@/components/ui/field-error";
import { formatUtcMs } from "@/components/ui/timestamp";

const since = (from: string | null, to: string | null) => (from && to ? ` (${Math.max(0, new Date(to).getTime() - new Date(from).getTime())} ms after saving)` : "");

/** Per-class TTL, grace, L1 use and size cap; editable by admins, read-only for everyone else. */
export function PolicyForm({ policies, version, savedAt, appliedAt, applyError, editable, action }: {
  policies: CachePolicies; version: number; savedAt: string | null; appliedAt: string | null; applyError: string | null; editable: boolean; action: FormAction<SavedPolicies>;
}) {
  const [state, save, pending] = useActionState(action, null);
  const shown = state?.ok ? state.data : { version, savedAt, appliedAt, applyError };
  const field = (name: string) => (state && !state.ok ? state.fields?.[name]?.[0] : undefined);
  return (
    <form onSubmit={submitKeepingValues(save)} data-testid="policy-form">
      <table>
        <thead><tr><th>Data class</th><th>TTL (s)</th><th>Grace, stale-if-error (s)</th><th>Memory tier (L1)</th><th>Max entry (bytes)</th></tr></thead>
        <tbody>
          {CACHE_DATA_CLASSES.map((c) => (
            <tr key={c} data-testid={`policy-${c}`}>
              <td>{c}{NEVER_STALE.includes(c) && <span className="muted"> · never stale</span>}</td>
              <td><input name={`${c}.ttlS`} type="number" min={1} defaultValue={policies[c].ttlS} disabled={!editable} aria-label={`${c} TTL`} /><FieldError message={field(`${c}.ttlS`)} /></td>
              <td><input name={`${c}.graceS`} type="number" min={0} defaultValue={policies[c].graceS} disabled={!editable} aria-label={`${c} grace`} /><FieldError message={field(`${c}.graceS`)} /></td>
              <td><input name={`${c}.l1`} type="checkbox" defaultChecked={policies[c].l1} disabled={!editable} aria-label={`${c} in memory`} className="input-check" /></td>
              <td><input name={`${c}.maxEntryBytes`} type="number" min={256} defaultValue={policies[c].maxEntryBytes} disabled={!editable} aria-label={`${c} max entry`} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="policy-effect">
        {shown.version === 0 ? "Running the brief's defaults (no saved version yet)." : `Version ${shown.version}: `}
        {shown.version > 0 && (shown.appliedAt ? `took effect on the clinical service at ${formatUtcMs(shown.appliedAt)}${since(shown.savedAt, shown.appliedAt)}.` : `saved, not applied: ${shown.applyError ?? "waiting for the service"}.`)}
      </p>
      {editable && <ReasonField error={field("reason")} testId="policy-reason" />}
      {editable && <OnlineSubmit disabled={pending} data-testid="policy-save">Save and apply</OnlineSubmit>}
      {state && !state.ok && <span className="error" data-testid="policy-error"> {state.message}</span>}
    </form>
  );
}
