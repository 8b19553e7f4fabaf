"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import type { SavedPoolSettings } from "@/lib/services/database/pool-settings";
import { POOL_CLASSES, type PoolSettings } from "@/core/engines/pool/classes";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { ReasonField } from "@/components/ui/reason-field";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import { FieldError } from "@/components/ui/field-error";
import { formatUtcMs } from "@/components/ui/timestamp";

const since = (from: string | null, to: string | null) => (from && to ? ` (${Math.max(0, new Date(to).getTime() - new Date(from).getTime())} ms after saving)` : "");

export type PoolSettingsAction = (prev: ActionResult<SavedPoolSettings> | null, form: FormData) => Promise<ActionResult<SavedPoolSettings>>;

/** Pool size, and per class the reservation and statement_timeout; editable by admins, read-only for everyone else. */
export function PoolForm({ settings, version, savedAt, appliedAt, applyError, editable, action }: {
  settings: PoolSettings; version: number; savedAt: string | null; appliedAt: string | null; applyError: string | null; editable: boolean; action: PoolSettingsAction;
}) {
  const [state, save, pending] = useActionState(action, null);
  const shown = state?.ok ? state.data : { version, savedAt, appliedAt, applyError };
  const field = (name: string) => (state && !state.ok ? state.fields?.[name]?.[0] : undefined);
  const error = (name: string) => <FieldError message={field(name)} testId={`pool-error-${name}`} />;
  return (
    <form onSubmit={submitKeepingValues(save)} data-testid="pool-form">
      <label>
        Connections in the pool (all classes)
        <input name="size" type="number" min={1} defaultValue={settings.size} disabled={!editable} aria-label="pool size" data-testid="pool-size" />
        {error("size")}
      </label>
      <table>
        <thead><tr><th>Class (highest first)</th><th>Reserved connections</th><th>statement_timeout (ms)</th></tr></thead>
        <tbody>
          {POOL_CLASSES.map((c) => (
            <tr key={c} data-testid={`pool-class-${c}`}>
              <td>{c}</td>
              <td><input name={`${c}.reserved`} type="number" min={0} defaultValue={settings.classes[c].reserved} disabled={!editable} aria-label={`${c} reserved`} />{error(`${c}.reserved`)}</td>
              <td><input name={`${c}.statementTimeoutMs`} type="number" min={100} defaultValue={settings.classes[c].statementTimeoutMs} disabled={!editable} aria-label={`${c} statement timeout`} />{error(`${c}.statementTimeoutMs`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="pool-effect">
        {shown.version === 0 ? "Running the defaults (no saved version yet)." : `Version ${shown.version}: `}
        {shown.version > 0 && (shown.appliedAt ? `took effect on the clinical service at ${formatUtcMs(shown.appliedAt)}${since(shown.savedAt, shown.appliedAt)}.` : `saved, not applied: ${shown.applyError ?? "waiting for the service"}.`)}
      </p>
      {editable && <ReasonField error={field("reason")} testId="pool-reason" />}
      {editable && <OnlineSubmit disabled={pending} data-testid="pool-save">Save and apply</OnlineSubmit>}
      {state && !state.ok && <span className="error" data-testid="pool-save-error"> {state.message}</span>}
    </form>
  );
}
