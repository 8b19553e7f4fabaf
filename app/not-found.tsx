import Link from "next/link";

export default function NotFound() {
  return (
    <main className="content center-card panel">
      <h1>Page not found</h1>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </main>
  );
}
