"use client";

import { useActionState } from "react";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import type { PublicUser } from "@/lib/services/users/public-user";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import type { UserActions } from "./user-actions";

/**
 * Resets a user's password to a generated one, shown here once (the console keeps only its
 * hash): the admin passes it on, and the user must change it at the next sign-in.
 */
export function ResetPasswordForm({ user, action }: { user: PublicUser; action: UserActions["resetPassword"] }) {
  const [state, reset, pending] = useActionState(action, null);
  return (
    <form
      // onSubmit, not `action`: a refused reset keeps the typed reason.
      onSubmit={submitKeepingValues(reset)}
      className="inline-row"
    >
      <input type="hidden" name="userId" value={user.id} />
      <input name="reason" type="text" maxLength={500} placeholder="reason (kept in the audit trail)" aria-label={`Reason to reset the password of ${user.email}`} data-testid="reset-password-reason" />
      <OnlineSubmit className="secondary" disabled={pending} data-testid="reset-password">
        Reset password
      </OnlineSubmit>
      {state?.ok && (
        <span role="status" data-testid="reset-password-result">
          Temporary password (shown once; they must change it at sign-in): <code data-testid="temporary-password">{state.data.temporaryPassword}</code>
        </span>
      )}
      {state && !state.ok && (
        <span className="error" data-testid="reset-password-error">
          {state.fields?.reason ? `Reason: ${state.fields.reason[0]}` : state.message}
        </span>
      )}
    </form>
  );
}
