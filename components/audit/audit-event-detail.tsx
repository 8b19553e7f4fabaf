import type { ReactNode } from "react";
import type { AuditEventDetail } from "@/lib/services/audit/get-audit-event";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { Timestamp } from "@/components/ui/timestamp";

const none = <span className="muted">—</span>;

function Field({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <>
      <dt className="muted">{label}</dt>
      <dd data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

/** Before/after as stored: secrets were already replaced with "[redacted]" when the event was written. */
function Snapshot({ title, value, testId }: { title: string; value: unknown; testId: string }) {
  return (
    <div className="snapshot">
      <h3>{title}</h3>
      {value === null || value === undefined ? (
        <p className="muted" data-testid={testId}>Not recorded</p>
      ) : (
        <pre data-testid={testId}>
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </div>
  );
}

export function AuditEventDetailView({ event: e }: { event: AuditEventDetail }) {
  const chainOk = e.contentMatchesHash && e.linksToPrevious;
  return (
    <>
      <Card title="Who, what, where" testId="audit-detail">
        <dl className="detail-list">
          <Field label="Time (UTC)" testId="detail-at"><Timestamp at={e.at} /></Field>
          <Field label="Actor" testId="detail-actor">{e.actor}</Field>
          <Field label="Role" testId="detail-role">{e.actorRole ?? none}</Field>
          <Field label="Action" testId="detail-action"><code>{e.action}</code></Field>
          <Field label="Target" testId="detail-target">{e.target ?? none}</Field>
          <Field label="Outcome" testId="detail-outcome">{e.outcome}</Field>
          <Field label="Source address" testId="detail-source">{e.sourceIp ?? none}</Field>
          <Field label="Session" testId="detail-session">{e.sessionId ?? <span className="muted">not recorded in this event (sign-ins record the session they start)</span>}</Field>
          <Field label="Reason given" testId="detail-reason">{e.reason ?? <span className="muted">none recorded</span>}</Field>
        </dl>
      </Card>
      <Card title="Change">
        <div className="snapshot-grid">
          <Snapshot title="Before" value={e.before} testId="detail-before" />
          <Snapshot title="After" value={e.after} testId="detail-after" />
        </div>
      </Card>
      <Card title="Place in the hash chain" testId="audit-detail-chain">
        <dl className="detail-list">
          <Field label="Hash (SHA-256)" testId="detail-hash"><code>{e.hash}</code></Field>
          <Field label="Previous hash" testId="detail-prev-hash"><code>{e.prevHash}</code></Field>
          <Field label="This event" testId="detail-chain-status">
            <StatusBadge status={chainOk ? "ok" : "bad"} label={chainOk ? "consistent" : "inconsistent"} />{" "}
            {e.contentMatchesHash ? "its content matches its hash" : "its content does NOT match its hash (altered)"};{" "}
            {e.linksToPrevious ? "it links to the event before it" : "it does NOT link to the event before it"}.
          </Field>
          <Field label="Signed checkpoint" testId="detail-checkpoint">
            {e.coveredBy ? (
              <>Covered by the checkpoint at event #{e.coveredBy.seq} (<Timestamp at={e.coveredBy.at} />): changing this event breaks the chain to it. &ldquo;Verify the chain&rdquo; checks its signature.</>
            ) : (
              <span className="muted">Not yet covered: no signed checkpoint at or after this event (they are written every 100 events and hourly).</span>
            )}
          </Field>
        </dl>
      </Card>
    </>
  );
}
