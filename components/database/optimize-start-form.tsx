"use client";

import { useActionState } from "react";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { FieldError } from "@/components/ui/field-error";
import type { OptimizeActions } from "./database-actions";

/** Starts the Optimize flow: a scenario and the length of each of its two runs. */
export function OptimizeStartForm({ scenarios, minS, defaultS, disabledReason, action: start }: { scenarios: string[]; minS: number; defaultS: number; disabledReason: string | null; action: OptimizeActions["start"] }) {
  const [state, action, pending] = useActionState(start, null);
  const err = state && !state.ok ? state : null;
  return (
    <form action={action} className="grid" data-testid="optimize-start-form">
      <label>
        Scenario
        <select name="scenario" defaultValue="light" data-testid="optimize-scenario" disabled={Boolean(disabledReason)}>
          {scenarios.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label>
        Seconds per run (at least {minS}: the verdict needs six 10-second windows)
        <input name="durationS" type="number" min={minS} defaultValue={defaultS} data-testid="optimize-duration" disabled={Boolean(disabledReason)} />
        <FieldError message={err?.fields?.durationS} />
      </label>
      <div className="form-submit">
        <OnlineSubmit disabled={pending || Boolean(disabledReason)} data-testid="optimize-start">{pending ? "Starting…" : "Optimize"}</OnlineSubmit>
        {disabledReason && <p className="muted">{disabledReason}</p>}
        {err && <p className="error" role="alert" data-testid="optimize-start-error">{err.message}</p>}
      </div>
    </form>
  );
}
