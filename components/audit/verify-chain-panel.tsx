"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";
import type { TrailVerification } from "@/lib/services/audit/verify-audit-trail";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatUtc } from "@/components/ui/timestamp";

/** "Verify the chain": the same check as `npm run audit:verify`, run by the console (embedded or PostgreSQL). */
export function VerifyChainPanel({ verify }: { verify: () => Promise<ActionResult<TrailVerification>> }) {
  const [result, setResult] = useState<ActionResult<TrailVerification> | null>(null);
  const [pending, start] = useTransition();
  const run = () => start(async () => setResult(await verify()));
  const report = result?.ok ? result.data : null;
  return (
    <section className="panel" data-testid="audit-verify">
      <h2>Integrity</h2>
      <p className="muted">
        Recomputes every event&apos;s SHA-256 link from the first one and checks the chain reaches the newest signed checkpoint
        kept outside the database (the same check as <code>npm run audit:verify</code>). The check itself is audited.
      </p>
      <button type="button" onClick={run} disabled={pending} data-testid="audit-verify-run">
        {pending ? "Verifying…" : "Verify the chain"}
      </button>
      {result && !result.ok && <p className="error" role="alert">{result.message}</p>}
      {report && (
        <p data-testid="audit-verify-result">
          <StatusBadge testId="audit-verify-status" status={report.ok ? "ok" : "bad"} label={report.ok ? "intact" : "broken"} />{" "}
          {report.ok ? `${report.checked} events verified` : `broken at event ${report.firstBroken!.seq}: ${report.firstBroken!.reason} (${report.checked} events before it intact)`}
          {report.continuesFrom &&
            `; continues from archive ${report.continuesFrom.archive}, seq ${report.continuesFrom.firstSeq}–${report.continuesFrom.lastSeq} (${report.continuesFrom.archivedEvents} archived events in ${report.continuesFrom.archives} archive folder(s), verified with it)`}
          {"; "}
          {report.lastCheckpoint
            ? `checked against ${report.checkpoints} signed checkpoint(s), the newest at event ${report.lastCheckpoint.count} (${formatUtc(report.lastCheckpoint.at)})`
            : "no signed checkpoint yet: rows deleted from the end would go unnoticed until one is written (hourly)"}
          {". "}Checked {formatUtc(report.verifiedAt)}.
        </p>
      )}
    </section>
  );
}
