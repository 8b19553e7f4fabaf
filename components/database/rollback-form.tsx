"use client";

import { useActionState, useState } from "react";
import { rollbackIndexAction } from "@/app/(console)/database/index-actions";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { FieldError } from "@/components/ui/field-error";

/** Roll an applied index back (DROP INDEX CONCURRENTLY; plain DROP INDEX on the embedded PGlite): a reason, then a second click. */
export function RollbackForm({ appliedIndexId, indexName }: { appliedIndexId: string; indexName: string }) {
  const [state, action, pending] = useActionState(rollbackIndexAction, null);
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
