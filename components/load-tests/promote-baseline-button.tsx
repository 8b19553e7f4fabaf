"use client";

import { useActionState } from "react";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import type { FormAction } from "@/components/ui/form-action";
import { ReasonField } from "@/components/ui/reason-field";

/** Admin-only: makes this passed run the baseline of its scenario and target (the page then re-renders as the baseline). */
export function PromoteBaselineButton({ runId, action }: { runId: string; action: FormAction<{ noise: number | null }> }) {
  const [state, promote, pending] = useActionState(action, null);
  return (
    <form action={promote}>
      <input type="hidden" name="runId" value={runId} />
      <ReasonField error={state && !state.ok ? state.fields?.reason : undefined} testId="promote-baseline-reason" />
      <OnlineSubmit className="secondary" disabled={pending} data-testid="promote-baseline">Make this run the baseline</OnlineSubmit>
      {state && !state.ok && <span className="error"> {state.message}</span>}
    </form>
  );
}
