/**
 * The audit list's columns, in one place: the header row and every virtualized row use the
 * same grid template, so the headers stay over their cells at any width.
 */
export const AUDIT_COLUMNS = ["Time (UTC)", "Actor", "Role", "Action", "Target", "Outcome", "Source address"] as const;

export const AUDIT_GRID = "10.5rem minmax(9rem, 1.4fr) 6.5rem minmax(8rem, 1.2fr) minmax(7rem, 1fr) 6rem 8.5rem";

/** Wide enough for every column's minimum; below it the list scrolls sideways instead of squeezing. */
export const AUDIT_MIN_WIDTH = "64rem";

export const AUDIT_HEADER_HEIGHT = 36;

export function AuditHeaderRow() {
  // The rowgroup is what sticks: a sticky element only sticks within its parent.
  return (
    <div role="rowgroup" style={{ position: "sticky", top: 0, zIndex: 1, minWidth: AUDIT_MIN_WIDTH }}>
      <div
        role="row"
        aria-rowindex={1}
        data-testid="audit-header"
        style={{
          height: AUDIT_HEADER_HEIGHT, display: "grid", gridTemplateColumns: AUDIT_GRID, gap: ".5rem", alignItems: "center", padding: "0 .5rem",
          background: "var(--panel)", borderBottom: "2px solid var(--line)", fontSize: ".8rem", fontWeight: 600,
        }}
      >
        {AUDIT_COLUMNS.map((c) => (
          <div key={c} role="columnheader" data-testid="audit-columnheader">
            {c}
          </div>
        ))}
      </div>
    </div>
  );
}
