/**
 * Health as measured: `ok` is green only for a check that ran and passed. Anything not
 * measured (not configured, unknown, no data) is `neutral`, never green.
 */
export type Status = "ok" | "warn" | "bad" | "neutral";

export function StatusBadge({ status, label, testId }: { status: Status; label: string; testId?: string }) {
  return (
    <span className={`badge ${status}`} data-status={status} data-testid={testId}>
      {label}
    </span>
  );
}
