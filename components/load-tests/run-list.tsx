"use client";

import Link from "next/link";
import { useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { RunListRow } from "@/lib/services/load-tests/list-runs";
import { Timestamp } from "@/components/ui/timestamp";

const ROW_HEIGHT = 44;
const STATUS_CLASS: Record<string, string> = { passed: "ok", failed: "bad", invalid: "bad", aborted: "bad", running: "warn", cancelled: "" };

/** Virtualized: a long history of runs keeps only the visible rows in the DOM. */
export function RunList({ runs }: { runs: RunListRow[] }) {
  const parentRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: runs.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  if (runs.length === 0) return <p className="muted" data-testid="runs-empty">No runs match.</p>;
  return (
    <div ref={parentRef} className="run-list" data-testid="run-list">
      {/* Virtualized: the total height and each row's offset come from the virtualizer. */}
      <div className="run-list-rows" style={{ height: v.getTotalSize() }}>
        {v.getVirtualItems().map((item) => {
          const r = runs[item.index]!;
          return (
            <div key={r.id} data-testid="run-row" className="run-row" style={{ top: item.start, height: ROW_HEIGHT }}>
              <Timestamp at={r.createdAt} />
              <Link href={`/load-tests/${r.id}`}>{r.scenario}</Link>
              <span className="muted">{r.target}</span>
              <span className={`badge ${STATUS_CLASS[r.status] ?? ""}`}>{r.status}</span>
              <span>{r.p95 === null ? "" : `p95 ${r.p95} ms`}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
