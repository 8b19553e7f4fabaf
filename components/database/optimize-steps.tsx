import Link from "next/link";
import type { OptimizeView } from "@/lib/services/database/optimize/get-optimize";
import { StatusBadge, type Status } from "@/components/ui/status-badge";

const LABEL: Record<string, string> = {
  baseline: "Baseline load-test run",
  insight: "Insight: per-query means during the baseline",
  advice: "Index advice",
  confirm: "An administrator confirms",
  apply: "Apply the advised indexes",
  "after-run": "The same run again",
  verdict: "Regression verdict",
};

const BADGE: Record<string, Status> = { done: "ok", running: "warn", failed: "bad", pending: "neutral", skipped: "neutral" };

function StepDetail({ step }: { step: OptimizeView["steps"][number] }) {
  const d = (step.detail ?? {}) as { runId?: string; status?: string; error?: string; method?: string; count?: number; by?: string; verdict?: string; applied?: { index: string; how: string }[] };
  return (
    <span className="muted">
      {d.runId && <> <Link href={`/load-tests/${d.runId}`}>run {d.runId.slice(0, 8)}</Link>{d.status ? ` (${d.status})` : " (live)"}</>}
      {d.method && <> {d.count} suggestion(s), what-if method: {d.method === "hypopg" ? "HypoPG hypothetical indexes" : "build in a transaction and roll back"}</>}
      {d.by && <> by {d.by}</>}
      {d.applied && d.applied.map((a) => <span key={a.index}> {a.index} ({a.how})</span>)}
      {d.verdict && <> {d.verdict}</>}
      {d.error && <span className="field-error"> {d.error}</span>}
    </span>
  );
}

/** The flow's steps as stored rows, in order, each with what it produced. */
export function OptimizeSteps({ steps }: { steps: OptimizeView["steps"] }) {
  return (
    <ol data-testid="optimize-steps">
      {steps.map((s) => (
        <li key={s.kind} data-testid={`optimize-step-${s.kind}`} data-status={s.status}>
          {LABEL[s.kind] ?? s.kind} <StatusBadge status={BADGE[s.status] ?? "neutral"} label={s.status} /> <StepDetail step={s} />
        </li>
      ))}
    </ol>
  );
}
