import type { AppliedIndexRow } from "@/lib/services/database/applied-indexes";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { Timestamp } from "@/components/ui/timestamp";
import { RollbackForm } from "./rollback-form";
import type { IndexActions } from "./database-actions";

const columns = (canChange: boolean, rollback: IndexActions["rollback"]): Column<AppliedIndexRow>[] => [
  { header: "Index", cell: (r) => <span title={r.ddl}>{r.indexName}</span> },
  { header: "Table", cell: (r) => r.table },
  { header: "Status", cell: (r) => <StatusBadge status={r.status === "valid" ? "ok" : r.status === "failed" ? "bad" : "neutral"} label={r.status.replace("_", " ")} /> },
  { header: "How", cell: (r) => (r.method === "hypopg" ? "CREATE INDEX CONCURRENTLY (advised with HypoPG)" : "CREATE INDEX (embedded; advised by build-and-roll-back)") },
  { header: "Who, when, why", cell: (r) => <>{r.appliedBy ?? "—"}, <Timestamp at={r.startedAt} />: {r.reason}{r.rollbackReason && <> · rolled back <Timestamp at={r.rolledBackAt} />: {r.rollbackReason}</>}</> },
  { header: "Build", cell: (r) => (r.buildMs === null ? (r.error ?? "—") : `${r.buildMs} ms`), numeric: true },
  ...(canChange ? [{ header: "", cell: (r: AppliedIndexRow) => (r.status === "valid" ? <RollbackForm appliedIndexId={r.id} indexName={r.indexName} action={rollback} /> : null) }] : []),
];

/** Every index Vigil built, with who/when/why, and roll back for admins. */
export function AppliedIndexes({ rows, canChange, rollbackAction }: { rows: AppliedIndexRow[]; canChange: boolean; rollbackAction: IndexActions["rollback"] }) {
  return (
    <>
      <DataTable testId="applied-indexes" caption="Applied indexes" columns={columns(canChange, rollbackAction)} rows={rows} rowKey={(r) => r.id} empty={<EmptyState testId="applied-empty">No index has been applied from the console yet.</EmptyState>} />
      {rows.some((r) => r.status === "valid") && <p><a href="/api/database/indexes/migration" data-testid="migration-download">Download the applied indexes as a migration file</a></p>}
    </>
  );
}
