import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="content center-card panel" data-testid="forbidden">
      <h1>403 — Not allowed</h1>
      <p>Your role does not give access to this page. The attempt has been recorded in the audit trail.</p>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </main>
  );
}
