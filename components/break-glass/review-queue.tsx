import type { BreakGlassUse } from "@/lib/services/break-glass/list-break-glass";
import type { FormAction } from "@/components/ui/form-action";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { Timestamp } from "@/components/ui/timestamp";
import { AcknowledgeForm } from "./acknowledge-form";

function state(use: BreakGlassUse) {
  if (!use.endedAt) return <StatusBadge status="warn" label="Active" testId="break-glass-state" />;
  return <StatusBadge status="neutral" label={use.endedBy === "expiry" ? "Expired" : "Ended by user"} testId="break-glass-state" />;
}

/** Every break-glass use, unacknowledged first; compliance acknowledges ended ones (others only read). */
export function ReviewQueue({ uses, acknowledgeAction }: { uses: BreakGlassUse[]; acknowledgeAction?: FormAction }) {
  const columns: Column<BreakGlassUse>[] = [
    { header: "User", cell: (u) => u.user },
    { header: "Reason", cell: (u) => u.reason },
    { header: "Started", cell: (u) => <Timestamp at={u.startedAt} /> },
    { header: "Ended", cell: (u) => <Timestamp at={u.endedAt} /> },
    { header: "State", cell: state },
    {
      header: "Review",
      cell: (u) =>
        u.acknowledgedAt ? (
          <span data-testid="break-glass-acked">
            Acknowledged by {u.acknowledgedBy} at <Timestamp at={u.acknowledgedAt} />
            {u.ackNote ? `: ${u.ackNote}` : ""}
          </span>
        ) : !u.endedAt ? (
          <span className="muted">After it ends</span>
        ) : acknowledgeAction ? (
          <AcknowledgeForm grantId={u.id} acknowledgeAction={acknowledgeAction} />
        ) : (
          <span className="muted" data-testid="break-glass-unacked">Awaiting compliance</span>
        ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={uses}
      rowKey={(u) => u.id}
      caption="Break-glass uses"
      testId="break-glass-queue"
      empty={<EmptyState testId="break-glass-queue-empty">No break-glass use has been recorded.</EmptyState>}
    />
  );
}
