import type { Metadata } from "next";
import { LoginForm } from "./login-form";

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
      <LoginForm callbackUrl={callbackUrl ?? "/"} />
    </main>
  );
}
