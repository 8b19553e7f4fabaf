/** One way to show a time: UTC, to the second, machine-readable in `dateTime`. */
export function formatUtc(at: Date | string): string {
  const d = typeof at === "string" ? new Date(at) : at;
  return Number.isNaN(d.getTime()) ? "—" : `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

export function Timestamp({ at, testId }: { at: Date | string | null | undefined; testId?: string }) {
  if (!at) return <span data-testid={testId}>—</span>;
  const iso = typeof at === "string" ? at : at.toISOString();
  return (
    <time dateTime={iso} data-testid={testId}>
      {formatUtc(iso)}
    </time>
  );
}
