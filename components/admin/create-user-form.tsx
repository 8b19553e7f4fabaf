"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { ROLES, ROLE_LABEL } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { ReasonField } from "@/components/ui/reason-field";
import { FieldError } from "@/components/ui/field-error";
import type { FormAction } from "./user-actions";

export function CreateUserForm({ createAction }: { createAction: FormAction }) {
  const [state, action, pending] = useActionState(createAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const fieldError = (name: string) => (state && !state.ok ? state.fields?.[name] : undefined);
  // Clear only after a user was created. Submitting through onSubmit (not the form's `action`)
  // keeps React from resetting the form, so what was typed stays when the server refuses it.
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form
      ref={formRef}
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      data-testid="create-user-form"
      className="grid"
    >
      <label>
        Email <input name="email" type="email" required data-testid="new-user-email" />
        <FieldError message={fieldError("email")} testId="new-user-email-error" />
      </label>
      <label>
        Name <input name="name" required data-testid="new-user-name" />
        <FieldError message={fieldError("name")} testId="new-user-name-error" />
      </label>
      <label>
        Role
        <select name="role" defaultValue="ops" data-testid="new-user-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Initial password ({MIN_PASSWORD_LENGTH}+ characters)
        <input name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} data-testid="new-user-password" />
        <FieldError message={fieldError("password")} testId="new-user-password-error" />
      </label>
      <ReasonField error={fieldError("reason")} testId="new-user-reason" />
      <div>
        <OnlineSubmit disabled={pending} data-testid="create-user-submit">
          {pending ? "Creating…" : "Create user"}
        </OnlineSubmit>
        {state && (
          <p role="status" className={state.ok ? "muted" : "error"} data-testid="create-user-result">
            {state.ok ? "User created." : state.message}
          </p>
        )}
      </div>
    </form>
  );
}
