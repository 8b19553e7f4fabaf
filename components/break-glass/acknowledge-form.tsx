"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/ui/form-action";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import { FieldError } from "@/components/ui/field-error";
import { OnlineSubmit } from "@/components/pwa/online-submit";

/** Compliance's acknowledgement of one ended use, with an optional note (audited). */
export function AcknowledgeForm({ grantId, acknowledgeAction }: { grantId: string; acknowledgeAction: FormAction }) {
  const [state, action, pending] = useActionState(acknowledgeAction, null);
  return (
    <form onSubmit={submitKeepingValues(action)} className="ack-form" data-testid={`break-glass-ack-form-${grantId}`}>
      <input type="hidden" name="grantId" value={grantId} />
      <input name="note" type="text" maxLength={500} placeholder="Note (optional)" aria-label="Note (optional)" data-testid="break-glass-ack-note" />
      <OnlineSubmit disabled={pending} data-testid="break-glass-ack">
        {pending ? "Acknowledging…" : "Acknowledge"}
      </OnlineSubmit>
      <FieldError message={state && !state.ok ? (state.fields?.note ?? state.message) : null} testId="break-glass-ack-error" />
    </form>
  );
}
