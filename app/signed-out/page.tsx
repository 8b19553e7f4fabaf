import type { Metadata } from "next";
import Link from "next/link";
import { PendingRevocation } from "@/components/pwa/pending-revocation";

export const metadata: Metadata = { title: "Signed out" };

/**
 * Where sign-out lands. next.config.ts sends Clear-Site-Data with this page, so the browser
 * drops this origin's caches and storage; the sign-out button has already cleared them too.
 */
export default function SignedOutPage() {
  return (
    <main className="center-card panel" data-testid="signed-out">
      <h1>Signed out</h1>
      <p>Your session has ended and the copies this device kept for offline reading have been removed.</p>
      <PendingRevocation />
      <p>
        <Link href="/login">Sign in again</Link>
      </p>
    </main>
  );
}
