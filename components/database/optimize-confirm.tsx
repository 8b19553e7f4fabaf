"use client";

import { useActionState, useState } from "react";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { FieldError } from "@/components/ui/field-error";
import type { OptimizeSuggestion } from "@/lib/services/database/optimize/advisor-calls";
import type { OptimizeActions } from "./database-actions";
import { fmtCount } from "./format";

/**
 * The admin's go-ahead: the DDL that will run, a reason for the audit trail, then an explicit
 * second click. Other roles see it disabled, with why.
 */
export function OptimizeConfirm({ sessionId, suggestions, canApply, role, action: confirm }: { sessionId: string; suggestions: OptimizeSuggestion[]; canApply: boolean; role: string; action: OptimizeActions["confirm"] }) {
  const [state, action, pending] = useActionState(confirm, null);
  const [reviewing, setReviewing] = useState(false);
  const err = state && !state.ok ? state : null;
  return (
    <form action={action} data-testid="optimize-confirm">
      <input type="hidden" name="sessionId" value={sessionId} />
      <ul>
        {suggestions.map((s) => (
          <li key={s.id}>
            <code data-testid="optimize-ddl">{s.ddl}</code>{" "}
            <span className="muted">cost {s.costBefore.toFixed(0)} → {s.costAfter.toFixed(0)}, ~{fmtCount(s.estimatedSavedMsPerHour)} ms saved per hour</span>
          </li>
        ))}
      </ul>
      {!canApply && <p className="muted" data-testid="optimize-confirm-disabled">Only an administrator may apply indexes (your role: {role}).</p>}
      <label>
        Reason (kept in the audit trail)
        <textarea name="reason" rows={2} required minLength={8} disabled={!canApply} data-testid="optimize-reason" className="input-full" />
        <FieldError message={err?.fields?.reason} />
      </label>
      {!reviewing ? (
        <button type="button" disabled={!canApply} onClick={() => setReviewing(true)} data-testid="optimize-review">Apply and measure…</button>
      ) : (
        <p>
          This builds {suggestions.length} index(es) on the clinical database, then runs the scenario again.{" "}
          <OnlineSubmit disabled={!canApply || pending} data-testid="optimize-confirm-submit">{pending ? "Applying…" : "Confirm apply"}</OnlineSubmit>{" "}
          <button type="button" onClick={() => setReviewing(false)}>Cancel</button>
        </p>
      )}
      {err && <p className="error" role="alert" data-testid="optimize-confirm-error">{err.message}</p>}
    </form>
  );
}
