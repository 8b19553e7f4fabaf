import Link from "next/link";
import type { LatestRun } from "@/lib/services/load-tests/latest-run";
import type { BaselineComparison } from "@/lib/services/baselines/compare-with-baseline";
import { Card } from "@/components/ui/card";
import { StatusBadge, type Status } from "@/components/ui/status-badge";
import { Timestamp } from "@/components/ui/timestamp";
import type { Verdict } from "@/core/engines/regression/types";

const VERDICT_STATUS: Record<Verdict, Status> = { regression: "bad", improvement: "ok", "no-change": "ok", inconclusive: "warn" };

/** Run count (a link to the list), the latest run and its verdict against the baseline. */
export function LatestRunCard({ count, latest, comparison }: { count: number; latest: LatestRun | null; comparison: BaselineComparison | null }) {
  return (
    <Card title="Load-test runs" testId="run-count">
      <div className="stack-tight">
        <p className="muted">
          <Link href="/load-tests" data-testid="run-count-link">{count === 0 ? "No runs recorded yet" : `${count} runs recorded`}</Link>
        </p>
        {latest && (
          <p data-testid="latest-run">
            Latest: <Link href={`/load-tests/${latest.id}`} data-testid="latest-run-link">{latest.scenario} on {latest.target}</Link>{" "}
            ({latest.status}, <Timestamp at={latest.createdAt} />) ·{" "}
            {comparison?.result
              ? <>verdict <StatusBadge status={VERDICT_STATUS[comparison.result.verdict]} label={comparison.result.verdict} testId="latest-verdict" /></>
              : <span className="muted" data-testid="latest-verdict-reason">no verdict: {comparison?.reason ?? "not compared"}</span>}
          </p>
        )}
      </div>
    </Card>
  );
}
