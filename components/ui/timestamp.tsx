/**
 * The console's one date formatter: UTC, to the second, machine-readable in `dateTime`. Nothing
 * outside this module formats a date (lib/tooling/ui-conventions.test.ts keeps it so).
 */
const toDate = (at: Date | string | number) => (at instanceof Date ? at : new Date(at));

/** "2026-12-03 10:46:37 UTC"; "—" for a value that is not a date. */
export function formatUtc(at: Date | string | number): string {
  const d = toDate(at);
  return Number.isNaN(d.getTime()) ? "—" : `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "2026-12-03 10:46:37" without the zone: table cells under a column headed "(UTC)". */
export function formatUtcBare(at: Date | string | number): string {
  const d = toDate(at);
  return Number.isNaN(d.getTime()) ? "—" : d.toISOString().slice(0, 19).replace("T", " ");
}

/** To the millisecond, "2026-12-03 10:46:37.123 UTC": when a setting took effect, next to how long after saving. */
export function formatUtcMs(at: Date | string | number): string {
  const d = toDate(at);
  return Number.isNaN(d.getTime()) ? "—" : `${d.toISOString().slice(0, 23).replace("T", " ")} UTC`;
}

/** The time of day alone, "10:46:37" (UTC): chart axes, where the page states the range. */
export function formatUtcClock(at: Date | string | number): string {
  const d = toDate(at);
  return Number.isNaN(d.getTime()) ? "—" : d.toISOString().slice(11, 19);
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
