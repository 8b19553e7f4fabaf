"use client";

import { useActionState, useEffect, useRef } from "react";
import { createUserAction } from "@/app/(console)/admin/users/actions";
import { ROLES, ROLE_LABEL } from "@/lib/auth/roles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import type { ActionResult } from "@/lib/errors";
import { OnlineSubmit } from "@/components/pwa/online-submit";

function FieldError({ state, name }: { state: ActionResult | null; name: string }) {
  const msg = state && !state.ok ? state.fields?.[name]?.[0] : undefined;
  return msg ? <span className="field-error">{msg}</span> : null;
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState(createUserAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  // Keep what was typed on error; clear only after a user was created.
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={action} data-testid="create-user-form" className="grid">
      <label>
        Email <input name="email" type="email" required data-testid="new-user-email" />
        <FieldError state={state} name="email" />
      </label>
      <label>
        Name <input name="name" required data-testid="new-user-name" />
        <FieldError state={state} name="name" />
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
        <FieldError state={state} name="password" />
      </label>
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
