"use client";

import { useActionState } from "react";
import { promoteBaselineAction } from "@/app/(console)/load-tests/actions";
import { OnlineSubmit } from "@/components/pwa/online-submit";

/** Admin-only: makes this passed run the baseline of its scenario and target. */
export function PromoteBaselineButton({ runId }: { runId: string }) {
  const [state, promote, pending] = useActionState(promoteBaselineAction, null);
  return (
    <form action={promote}>
      <input type="hidden" name="runId" value={runId} />
      <OnlineSubmit className="secondary" disabled={pending} data-testid="promote-baseline">Make this run the baseline</OnlineSubmit>
      {state?.ok && (
        <span className="muted" data-testid="promoted">
          {" "}Promoted. {state.data.noise === null ? "No earlier passed run to measure run-to-run noise against; the detector assumes 2%." : `Run-to-run noise measured against the previous passed run: ${(state.data.noise * 100).toFixed(1)}%.`}
        </span>
      )}
      {state && !state.ok && <span className="error"> {state.message}</span>}
    </form>
  );
}
