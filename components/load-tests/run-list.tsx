"use client";

import Link from "next/link";
import { useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { RunListRow } from "@/lib/services/load-tests/list-runs";

const ROW_HEIGHT = 44;
const STATUS_CLASS: Record<string, string> = { passed: "ok", failed: "bad", invalid: "bad", aborted: "bad", running: "warn", cancelled: "" };

/** Virtualized: a long history of runs keeps only the visible rows in the DOM. */
export function RunList({ runs }: { runs: RunListRow[] }) {
  const parentRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: runs.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  if (runs.length === 0) return <p className="muted" data-testid="runs-empty">No runs match.</p>;
  return (
    <div ref={parentRef} style={{ maxHeight: 480, overflow: "auto" }} data-testid="run-list">
      <div style={{ height: v.getTotalSize(), position: "relative" }}>
        {v.getVirtualItems().map((item) => {
          const r = runs[item.index]!;
          return (
            <div key={r.id} data-testid="run-row" style={{ position: "absolute", top: item.start, left: 0, right: 0, height: ROW_HEIGHT, display: "grid", gridTemplateColumns: "11rem 10rem 1fr 6rem 7rem", gap: ".5rem", alignItems: "center", borderBottom: "1px solid var(--line)", fontSize: ".9rem" }}>
              <time dateTime={r.createdAt}>{r.createdAt.replace("T", " ").slice(0, 19)}</time>
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
