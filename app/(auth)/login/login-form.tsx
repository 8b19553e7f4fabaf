"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "./actions";
import { OnlineSubmit } from "@/components/pwa/online-submit";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} data-testid="login-form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required defaultValue={state.email} data-testid="login-email" />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required data-testid="login-password" />
      </label>
      {state.error && (
        <p className="error" role="alert" data-testid="login-error">
          {state.error}
        </p>
      )}
      <OnlineSubmit disabled={pending} data-testid="login-submit">
        {pending ? "Signing in…" : "Sign in"}
      </OnlineSubmit>
    </form>
  );
}
