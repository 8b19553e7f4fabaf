"use client";

import { useActionState } from "react";
import { CACHE_DATA_CLASSES } from "@/core/engines/cache/classes";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import type { FormAction } from "@/components/ui/form-action";
import { ReasonField } from "@/components/ui/reason-field";

/** Admin: drop a data class, one patient's entries, or one patient's entries of one class. */
export function InvalidateForm({ action }: { action: FormAction<{ invalidated: unknown }> }) {
  const [state, invalidate, pending] = useActionState(action, null);
  return (
    <form action={invalidate} data-testid="invalidate-form" className="grid">
      <label>
        Data class
        <select name="dataClass" defaultValue="" data-testid="invalidate-class">
          <option value="">every class</option>
          {CACHE_DATA_CLASSES.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <label>
        Patient id <input name="patientId" placeholder="e.g. p-000123 (empty: every patient)" data-testid="invalidate-patient" />
      </label>
      <ReasonField error={state && !state.ok ? state.fields?.reason : null} testId="invalidate-reason" />
      <div>
        <OnlineSubmit className="secondary" disabled={pending} data-testid="invalidate-submit">Invalidate</OnlineSubmit>
        {state?.ok && <span className="muted" data-testid="invalidated"> Invalidated in every tier.</span>}
        {state && !state.ok && <span className="error" data-testid="invalidate-error"> {state.message}{state.fields?._ ? `: ${state.fields._[0]}` : ""}</span>}
      </div>
    </form>
  );
}
