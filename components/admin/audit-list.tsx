"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { AuditRow } from "@/lib/services/audit/list-audit-events";
import type { ActionResult } from "@/lib/errors";
import { AuditRowView, AUDIT_ROW_HEIGHT } from "./audit-row";
import { AuditHeaderRow, AUDIT_HEADER_HEIGHT, AUDIT_MIN_WIDTH } from "./audit-columns";

interface Props {
  filter: Record<string, string | undefined>;
  initialRows: AuditRow[];
  initialNext: string | null;
  total: number;
  loadPage: (filter: Record<string, string | undefined>) => Promise<ActionResult<{ rows: AuditRow[]; nextBefore: string | null }>>;
}

// Fetch the next page when the view comes within this many rows of the end of what is loaded.
const PREFETCH_ROWS = 50;

/**
 * Virtualized: only the rows in view (plus a few) are in the DOM, however long the trail.
 * Older pages load as the view nears the end, so scrolling walks the whole trail. A grid with
 * ARIA table roles rather than a <table>: absolutely positioned rows cannot sit in a table,
 * and the sticky header shares the rows' grid template, so its columns stay over their cells.
 */
export function AuditList({ filter, initialRows, initialNext, total, loadPage }: Props) {
  const [rows, setRows] = useState(initialRows);
  const [next, setNext] = useState(initialNext);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => AUDIT_ROW_HEIGHT,
    overscan: 10,
    // The sticky header sits above the rows inside the scroller.
    scrollMargin: AUDIT_HEADER_HEIGHT,
  });

  const loadMore = () =>
    startTransition(async () => {
      const res = await loadPage({ ...filter, before: next ?? undefined });
      if (!res.ok) return setError(res.message);
      setRows((r) => [...r, ...res.data.rows]);
      setNext(res.data.nextBefore);
    });

  const lastVisible = virtualizer.getVirtualItems().at(-1)?.index ?? 0;
  useEffect(() => {
    if (next && !pending && !error && lastVisible >= rows.length - PREFETCH_ROWS) loadMore();
    // loadMore is recreated each render; the inputs that matter are listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastVisible, rows.length, next, pending, error]);

  return (
    <section className="panel">
      <p className="muted" data-testid="audit-count">
        Showing {rows.length} of {total} events, newest first.
      </p>
      <div
        ref={parentRef}
        role="table"
        aria-label="Audit events, newest first"
        aria-rowcount={total + 1}
        className="audit-scroller"
        data-testid="audit-scroller"
      >
        <AuditHeaderRow />
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: "relative", minWidth: AUDIT_MIN_WIDTH }}>
          {virtualizer.getVirtualItems().map((v) => (
            <AuditRowView key={rows[v.index]!.seq} row={rows[v.index]!} index={v.index} top={v.start - AUDIT_HEADER_HEIGHT} onOpen={(href) => router.push(href)} />
          ))}
        </div>
      </div>
      {error && <p className="error">{error}</p>}
      {next && (
        <button type="button" onClick={loadMore} disabled={pending} className="secondary load-more">
          {pending ? "Loading…" : "Load older events"}
        </button>
      )}
    </section>
  );
}
