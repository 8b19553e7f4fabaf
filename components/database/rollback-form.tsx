"use client";

import { useActionState, useState } from "react";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { FieldError } from "@/components/ui/field-error";
import type { IndexActions } from "./database-actions";

/** Roll an applied index back (DROP INDEX CONCURRENTLY; plain DROP INDEX on the embedded PGlite): a reason, then a second click. */
export function RollbackForm({ appliedIndexId, indexName, action: rollback }: { appliedIndexId: string; indexName: string; action: IndexActions["rollback"] }) {
  const [state, action, pending] = useActionState(rollback, null);
  const [confirming, setConfirming] = useState(false);
  const err = state && !state.ok ? state : null;
  return (
    <form action={action} data-testid="rollback-form">
      <input type="hidden" name="appliedIndexId" value={appliedIndexId} />
      <input name="reason" required minLength={8} placeholder="why roll back" data-testid="rollback-reason" />
      <FieldError message={err?.fields?.reason} />{" "}
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)} data-testid="rollback">Roll back…</button>
      ) : (
        <>
          Drops {indexName}. <OnlineSubmit disabled={pending} data-testid="rollback-confirm">{pending ? "Dropping…" : "Confirm roll back"}</OnlineSubmit>
        </>
      )}
      {err && <p className="error" role="alert">{err.message}</p>}
    </form>
  );
}
