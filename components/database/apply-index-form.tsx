"use client";

import { useActionState, useState } from "react";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { FieldError } from "@/components/ui/field-error";
import type { IndexActions } from "./database-actions";

/**
 * Apply one suggestion: a reason for the audit trail, then a second, explicit click. Other
 * roles see the controls disabled, with why.
 */
export function ApplyIndexForm({ suggestionId, ddl, disabledReason, action: apply }: { suggestionId: string; ddl: string; disabledReason: string | null; action: IndexActions["apply"] }) {
  const [state, action, pending] = useActionState(apply, null);
  const [confirming, setConfirming] = useState(false);
  const err = state && !state.ok ? state : null;
  const done = state && state.ok ? state.data : null;
  const disabled = Boolean(disabledReason);
  return (
    <form action={action} data-testid="apply-form">
      <input type="hidden" name="suggestionId" value={suggestionId} />
      <label>
        Reason
        <input name="reason" required minLength={8} disabled={disabled} data-testid="apply-reason" placeholder="why this index, in a sentence" />
      </label>
      <FieldError message={err?.fields?.reason} />{" "}
      {!confirming ? (
        <button type="button" disabled={disabled} onClick={() => setConfirming(true)} data-testid="apply-index">Apply…</button>
      ) : (
        <span>
          Runs <code>{ddl}</code> on the clinical database.{" "}
          <OnlineSubmit disabled={disabled || pending} data-testid="apply-confirm">{pending ? "Building…" : "Confirm apply"}</OnlineSubmit>{" "}
          <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
        </span>
      )}
      {disabledReason && <span className="muted" data-testid="apply-disabled-reason"> {disabledReason}</span>}
      {err && <p className="error" role="alert" data-testid="apply-error">{err.message}</p>}
      {done && (
        <p data-testid="apply-result">
          {done.status === "valid" ? `Built ${done.indexName} in ${done.buildMs ?? "?"} ms.` : `Build failed: ${done.error}. The invalid index was dropped.`}
          {done.rechecked && " The table had changed since the advice; the what-if was re-checked first."}
          {done.note && <span className="muted"> {done.note}</span>}
        </p>
      )}
    </form>
  );
}
