"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { ReasonField } from "@/components/ui/reason-field";
import { FieldError } from "@/components/ui/field-error";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { BREAK_GLASS_DEFAULT_MINUTES, BREAK_GLASS_MAX_MINUTES } from "@/lib/validations/break-glass-limits";

/** Asks why and for how long (at most an hour); what was typed stays when the server refuses. */
export function StartBreakGlassForm({ startAction }: { startAction: FormAction }) {
  const [state, action, pending] = useActionState(startAction, null);
  const fieldError = (name: string) => (state && !state.ok ? state.fields?.[name] : undefined);
  return (
    <form onSubmit={submitKeepingValues(action)} className="grid" data-testid="break-glass-form">
      <ReasonField error={fieldError("reason")} testId="break-glass-reason" />
      <label>
        For how many minutes (at most {BREAK_GLASS_MAX_MINUTES})
        {/* No HTML max: a longer request reaches the server, which refuses and audits it. */}
        <input name="minutes" type="number" min={1} defaultValue={BREAK_GLASS_DEFAULT_MINUTES} data-testid="break-glass-minutes" />
        <FieldError message={fieldError("minutes")} testId="break-glass-minutes-error" />
      </label>
      <div>
        <OnlineSubmit disabled={pending} data-testid="break-glass-start">
          {pending ? "Breaking glass…" : "Break glass"}
        </OnlineSubmit>
        {state && !state.ok && (
          <p role="status" className="error" data-testid="break-glass-result">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
