import Link from "next/link";
import type { AuditRow } from "@/lib/services/audit/list-audit-events";
import { AUDIT_GRID, AUDIT_MIN_WIDTH } from "./audit-columns";
import { formatUtcBare } from "@/components/ui/timestamp";

export const AUDIT_ROW_HEIGHT = 44;

const OUTCOME_CLASS: Record<string, string> = { success: "ok", failure: "bad", denied: "bad", throttled: "warn" };

const clip = { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" } as const;

/** One event; its time links to the event's detail (a permalink), and a click anywhere on the row opens it. */
export function AuditRowView({ row, top, index, onOpen }: { row: AuditRow; top: number; index: number; onOpen: (href: string) => void }) {
  const href = `/admin/audit/${row.seq}`;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-testid="audit-row"
      data-seq={row.seq}
      data-action={row.action}
      data-outcome={row.outcome}
      onClick={(e) => {
        if (!(e.target as HTMLElement).closest("a")) onOpen(href);
      }}
      style={{
        position: "absolute", top, left: 0, right: 0, height: AUDIT_ROW_HEIGHT, minWidth: AUDIT_MIN_WIDTH, cursor: "pointer",
        display: "grid", gridTemplateColumns: AUDIT_GRID, gap: ".5rem",
        alignItems: "center", borderBottom: "1px solid var(--line)", fontSize: ".85rem", padding: "0 .5rem",
      }}
    >
      <div role="cell" style={clip}>
        <Link href={href} prefetch={false} data-testid="audit-row-link" title={`Event #${row.seq}`}>
          <time dateTime={row.at}>{formatUtcBare(row.at)}</time>
        </Link>
      </div>
      <div role="cell" style={clip} title={row.actor}>{row.actor}</div>
      <div role="cell" style={clip}>{row.actorRole ?? <span className="muted">—</span>}</div>
      <div role="cell" style={clip} title={row.action}><code>{row.action}</code></div>
      <div role="cell" style={clip} title={row.target ?? undefined}>{row.target ?? <span className="muted">—</span>}</div>
      <div role="cell"><span className={`badge ${OUTCOME_CLASS[row.outcome] ?? ""}`}>{row.outcome}</span></div>
      <div role="cell" style={clip} title={row.sourceIp ?? undefined}>{row.sourceIp ?? <span className="muted">—</span>}</div>
    </div>
  );
}
