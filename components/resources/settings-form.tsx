"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { ReasonField } from "@/components/ui/reason-field";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import { FieldError } from "@/components/ui/field-error";
import { formatUtcMs } from "@/components/ui/timestamp";

interface Field {
  path: string;
  kind: "boolean" | "number";
  value: boolean | number;
}

/** Every admission and rate-limit setting, one input per dotted path; editable by admins only. */
interface Saved {
  version: number;
  savedAt: string | null;
  appliedAt: string | null;
  applyError: string | null;
}

/** The page passes its server action in, so components/ never imports app/. */
export function SettingsForm<S extends Saved>({ fields, version, savedAt, appliedAt, applyError, editable, action }: {
  fields: Field[]; version: number; savedAt: string | null; appliedAt: string | null; applyError: string | null; editable: boolean;
  action: (prev: ActionResult<S> | null, form: FormData) => Promise<ActionResult<S>>;
}) {
  const [state, save, pending] = useActionState(action, null);
  const shown = state?.ok ? state.data : { version, savedAt, appliedAt, applyError };
  const error = (path: string) => (state && !state.ok ? state.fields?.[path] ?? state.fields?.[path.split(".").slice(0, -1).join(".")] : undefined);
  return (
    <form onSubmit={submitKeepingValues(save)} data-testid="resource-settings-form">
      <table>
        <thead><tr><th>Setting</th><th>Value</th></tr></thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.path} data-testid={`setting-${f.path}`}>
              <td><label htmlFor={`rs-${f.path}`}>{f.path}</label></td>
              <td>
                {f.kind === "boolean"
                  ? <input id={`rs-${f.path}`} name={f.path} type="checkbox" defaultChecked={f.value as boolean} disabled={!editable} className="input-check" />
                  : <input id={`rs-${f.path}`} name={f.path} type="number" step="any" defaultValue={f.value as number} disabled={!editable} />}
                <FieldError message={error(f.path)} testId={`setting-error-${f.path}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="resource-settings-effect">
        {shown.version === 0 ? "Running the defaults (no saved version yet)." : `Version ${shown.version}: `}
        {shown.version > 0 && (shown.appliedAt ? `took effect on the clinical service at ${formatUtcMs(shown.appliedAt)}.` : `saved, not applied: ${shown.applyError ?? "waiting for the service"}.`)}
      </p>
      {editable && <ReasonField error={error("reason")} testId="resource-settings-reason" />}
      {editable && <OnlineSubmit disabled={pending} data-testid="resource-settings-save">Save and apply</OnlineSubmit>}
      {state && !state.ok && <span className="error" data-testid="resource-settings-error"> {state.message}</span>}
    </form>
  );
}
