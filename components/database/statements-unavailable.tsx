import { StatusBadge } from "@/components/ui/status-badge";

/** pg_stat_statements is missing: says why and the exact commands, instead of any figure. */
export function StatementsUnavailable({ reason, enable }: { reason: string; enable: string[] }) {
  return (
    <div data-testid="statements-unavailable">
      <p>
        <StatusBadge status="warn" label="Not available" /> {reason}
      </p>
      <p className="muted">Run as a PostgreSQL superuser on the clinical database:</p>
      <pre data-testid="statements-enable">{enable.join("\n")}</pre>
    </div>
  );
}
