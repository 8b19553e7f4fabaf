import type { Metadata } from "next";
import Link from "next/link";
import { requireSignedIn } from "@/lib/services/auth/dal";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutButton } from "@/components/pwa/sign-out-button";
import { signOutAction } from "../../(console)/sign-out-action";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change password" };

/**
 * Outside the console layout on purpose: the layout sends a user with a pending forced change
 * here, so this page must not require what the layout requires.
 */
export default async function ChangePasswordPage() {
  const actor = await requireSignedIn();
  return (
    <main className="center-card panel" data-testid="change-password-page">
      <h1>Change your password</h1>
      {actor.mustChangePassword ? (
        <p className="notice" data-testid="password-change-required">
          An admin reset your password. Choose a new one to continue; until then the console is closed to this account.
        </p>
      ) : (
        <p>
          <Link href="/">Back to the console</Link>
        </p>
      )}
      <p className="muted">Signed in as {actor.email}. Changing it signs you out everywhere else.</p>
      <ChangePasswordForm action={changePasswordAction} />
      <form action={signOutAction} className="inline-form">
        <SignOutButton />
      </form>
    </main>
  );
}
