"use client";

import { useActionState } from "react";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { FieldError } from "@/components/ui/field-error";
import type { FormAction } from "@/components/ui/form-action";

/** Current password, then the new one twice; the server checks it against the password policy. */
export function ChangePasswordForm({ action }: { action: FormAction }) {
  const [state, change, pending] = useActionState(action, null);
  const fieldError = (name: string) => (state && !state.ok ? state.fields?.[name] : undefined);
  const field = (name: string, label: string, autoComplete: string) => (
    <label>
      {label}
      <input name={name} type="password" autoComplete={autoComplete} required maxLength={1024} data-testid={`password-${name}`} />
      <FieldError message={fieldError(name)} testId={`password-${name}-error`} />
    </label>
  );
  return (
    <form
      // onSubmit, not `action`: after a refusal what was typed stays for the correction.
      onSubmit={submitKeepingValues(change)}
      className="grid"
      data-testid="change-password-form"
    >
      {field("currentPassword", "Current (or temporary) password", "current-password")}
      {field("newPassword", `New password (${MIN_PASSWORD_LENGTH}+ characters; a phrase of unrelated words works well)`, "new-password")}
      {field("confirmPassword", "New password again", "new-password")}
      <div>
        <OnlineSubmit disabled={pending} data-testid="change-password-submit">
          {pending ? "Changing…" : "Change password"}
        </OnlineSubmit>
        {state && !state.ok && (
          <p role="alert" className="error" data-testid="change-password-error">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
