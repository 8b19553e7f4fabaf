"use client";

import { useActionState } from "react";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import type { IndexActions } from "./database-actions";

/** Runs the index advisor on the workload pg_stat_statements has recorded. */
export function AdviseForm({ disabledReason, action: advise }: { disabledReason: string | null; action: IndexActions["advise"] }) {
  const [state, action, pending] = useActionState(advise, null);
  const err = state && !state.ok ? state : null;
  return (
    <form action={action} data-testid="advise-form">
      <label>
        Statements called at least{" "}
        <input name="minCalls" type="number" min={1} defaultValue={10} className="input-narrow" disabled={Boolean(disabledReason)} /> times
      </label>{" "}
      <OnlineSubmit disabled={pending || Boolean(disabledReason)} data-testid="advise-submit">{pending ? "Advising…" : "Advise now"}</OnlineSubmit>
      {disabledReason && <span className="muted"> {disabledReason}</span>}
      {err && <p className="error" role="alert" data-testid="advise-error">{err.message}</p>}
    </form>
  );
}
