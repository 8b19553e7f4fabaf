import type { StoredSuggestion } from "@/lib/services/database/latest-advice";
import { StatusBadge } from "@/components/ui/status-badge";
import { fmtCount, fmtMs } from "./format";
import { ApplyIndexForm } from "./apply-index-form";
import type { IndexActions } from "./database-actions";

/** One suggestion: the DDL, what it saves, whom it helps, the table's write load, and apply. */
export function SuggestionItem({ s, applyDisabledReason, applyAction }: { s: StoredSuggestion; applyDisabledReason: string | null; applyAction: IndexActions["apply"] }) {
  return (
    <li data-testid="suggestion">
      <p>
        <strong>#{s.rank}</strong> <code data-testid="suggestion-ddl">{s.ddl}</code>{" "}
        {s.applied && <StatusBadge status={s.applied.status === "valid" ? "ok" : s.applied.status === "failed" ? "bad" : "neutral"} label={`applied: ${s.applied.status}`} />}
      </p>
      <p className="muted">
        Planner cost {s.costBefore.toFixed(0)} → {s.costAfter.toFixed(0)} ({((1 - s.costAfter / s.costBefore) * 100).toFixed(0)}% lower) · estimated {fmtMs(s.estimatedSavedMsPerHour)} of query time saved per hour ·
        table {s.table}: {fmtCount(s.activity.writesPerHour)} writes/h, {fmtCount(s.activity.readsPerHour)} scans/h{" "}
        {s.activity.writeHeavy && <StatusBadge status="warn" label="write-heavy: every write also updates this index" />}
      </p>
      <details>
        <summary>Helps {s.queries.length} statement(s)</summary>
        <ul>
          {s.queries.map((q) => (
            <li key={q.queryId}>
              <code className="code-sm">{q.query}</code> — {fmtCount(q.calls)} calls, mean {fmtMs(q.meanMs)}, cost {q.costBefore.toFixed(0)} → {q.costAfter.toFixed(0)}
            </li>
          ))}
        </ul>
      </details>
      {(!s.applied || s.applied.status !== "valid") && <ApplyIndexForm suggestionId={s.id} ddl={s.ddl} disabledReason={applyDisabledReason} action={applyAction} />}
    </li>
  );
}
