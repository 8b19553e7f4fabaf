import type { AuditRow } from "@/lib/services/audit/list-audit-events";

export const AUDIT_ROW_HEIGHT = 52;

const OUTCOME_CLASS: Record<string, string> = { success: "ok", failure: "bad", denied: "bad", throttled: "warn" };

export function AuditRowView({ row, top }: { row: AuditRow; top: number }) {
  return (
    <div
      data-testid="audit-row"
      data-action={row.action}
      data-outcome={row.outcome}
      style={{
        position: "absolute", top, left: 0, right: 0, height: AUDIT_ROW_HEIGHT,
        display: "grid", gridTemplateColumns: "4rem 11rem 1fr 1fr 1fr 6rem", gap: ".5rem",
        alignItems: "center", borderBottom: "1px solid var(--line)", fontSize: ".85rem", padding: "0 .5rem",
      }}
    >
      <span className="muted">#{row.seq}</span>
      <time dateTime={row.at}>{row.at.replace("T", " ").slice(0, 19)}</time>
      <span title={row.actorRole ?? undefined}>
        {row.actor}
        {row.actorRole && <span className="muted"> ({row.actorRole})</span>}
      </span>
      <code>{row.action}</code>
      <span title={row.sourceIp ?? undefined}>{row.target}</span>
      <span className={`badge ${OUTCOME_CLASS[row.outcome] ?? ""}`}>{row.outcome}</span>
    </div>
  );
}
