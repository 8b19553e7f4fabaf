import type { Metadata } from "next";
import { LoginForm } from "./login-form";
import { PendingRevocation } from "@/components/pwa/pending-revocation";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; expired?: string }>;
}) {
  const { callbackUrl, expired } = await searchParams;
  return (
    <main className="center-card panel">
      <h1>Vigil</h1>
      <p className="muted">Performance operations for clinical AI systems</p>
      {expired && (
        <p className="notice" data-testid="session-ended">
          Your session has ended. Sign in again.
        </p>
      )}
      {/* Signed out offline earlier: end that session before a new one replaces its cookie. */}
      <PendingRevocation />
      <LoginForm callbackUrl={callbackUrl ?? "/"} />
    </main>
  );
}
