import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { Timestamp } from "@/components/ui/timestamp";
import type { PeriodReport } from "@/lib/reports/period-report";

type R = PeriodReport;
const code = (s: string) => (s ? <code>{s}</code> : "—");

export function ChangesSection({ rows }: { rows: R["changes"] }) {
  return (
    <Card title={`Changes (${rows.length})`} testId="report-changes">
      <DataTable<R["changes"][number]>
        testId="report-changes-table" caption="Changes people made" rows={rows} rowKey={(r) => r.seq}
        empty={<EmptyState testId="report-changes-empty">No changes were made in this period.</EmptyState>}
        columns={[
          { header: "When", cell: (r) => <Timestamp at={r.at} /> },
          { header: "Who", cell: (r) => `${r.actor}${r.role ? ` (${r.role})` : ""}` },
          { header: "What", cell: (r) => `${r.action}${r.target ? ` · ${r.target}` : ""}` },
          { header: "Outcome", cell: (r) => r.outcome },
          { header: "Why", cell: (r) => r.reason ?? "no reason recorded" },
          { header: "Before", cell: (r) => code(r.before) },
          { header: "After", cell: (r) => code(r.after) },
        ]}
      />
    </Card>
  );
}

export function RefusalsSection({ rows }: { rows: R["refusals"] }) {
  return (
    <Card title={`Access refusals (${rows.length})`} testId="report-refusals">
      <DataTable<R["refusals"][number]>
        testId="report-refusals-table" caption="Access refusals" rows={rows} rowKey={(r) => r.seq}
        empty={<EmptyState testId="report-refusals-empty">No access was refused in this period.</EmptyState>}
        columns={[
          { header: "When", cell: (r) => <Timestamp at={r.at} /> },
          { header: "Who", cell: (r) => `${r.actor}${r.role ? ` (${r.role})` : ""}` },
          { header: "Attempted", cell: (r) => r.attempted },
          { header: "Source", cell: (r) => r.sourceIp ?? "—" },
        ]}
      />
    </Card>
  );
}

export function SignInFailuresSection({ rows }: { rows: R["signInFailures"] }) {
  return (
    <Card title="Sign-in failures by source" testId="report-signin">
      <DataTable<R["signInFailures"][number]>
        testId="report-signin-table" caption="Sign-in failures by source address" rows={rows} rowKey={(r) => r.sourceIp}
        empty={<EmptyState testId="report-signin-empty">No failed or throttled sign-ins in this period.</EmptyState>}
        columns={[
          { header: "Source", cell: (r) => r.sourceIp },
          { header: "Failed", cell: (r) => r.failures, numeric: true },
          { header: "Throttled", cell: (r) => r.throttled, numeric: true },
          { header: "First", cell: (r) => <Timestamp at={r.first} /> },
          { header: "Last", cell: (r) => <Timestamp at={r.last} /> },
        ]}
      />
    </Card>
  );
}

export function BreakGlassSection({ rows }: { rows: R["breakGlass"] }) {
  return (
    <Card title={`Break-glass uses (${rows.length})`} testId="report-breakglass">
      <DataTable<R["breakGlass"][number]>
        testId="report-breakglass-table" caption="Break-glass events" rows={rows} rowKey={(r) => r.seq}
        empty={<EmptyState testId="report-breakglass-empty">No break-glass access in this period.</EmptyState>}
        columns={[
          { header: "When", cell: (r) => <Timestamp at={r.at} /> },
          { header: "Who", cell: (r) => r.actor },
          { header: "Event", cell: (r) => r.action },
          { header: "Outcome", cell: (r) => r.outcome },
          { header: "Reason", cell: (r) => r.reason ?? "—" },
        ]}
      />
    </Card>
  );
}

export function AlertsSection({ alerts }: { alerts: R["alerts"] }) {
  return (
    <Card title={`Burn-rate alerts fired and resolved (${alerts.rows.length})`} testId="report-alerts">
      <p className="muted" data-testid="report-alerts-note">{alerts.note}</p>
      <DataTable<R["alerts"]["rows"][number]>
        testId="report-alerts-table" caption="Burn-rate alerts" rows={alerts.rows} rowKey={(r) => `${r.sloId}-${r.rule}-${r.firedAt}`}
        empty={<EmptyState testId="report-alerts-empty">{alerts.measured ? "No burn-rate alert fired in this period." : "No measurements in this period, so no alert can be derived."}</EmptyState>}
        columns={[
          { header: "SLO", cell: (r) => r.sloId },
          { header: "Severity", cell: (r) => r.severity },
          { header: "Rule (long/short window)", cell: (r) => r.rule },
          { header: "Fired", cell: (r) => <Timestamp at={r.firedAt} /> },
          { header: "Resolved", cell: (r) => (r.resolvedAt ? <Timestamp at={r.resolvedAt} /> : "still firing") },
        ]}
      />
    </Card>
  );
}

export function ChainSection({ chain }: { chain: R["chain"] }) {
  return (
    <Card title="Audit chain" testId="report-chain">
      <p>
        <StatusBadge status={chain.ok ? "ok" : "bad"} label={chain.ok ? "Chain verified" : "Chain broken"} testId="report-chain-status" />{" "}
        {chain.checked} events checked{chain.firstBroken && <> · first broken: event {chain.firstBroken.seq} ({chain.firstBroken.reason})</>}
      </p>
      <p data-testid="report-chain-checkpoint">
        {chain.lastCheckpoint
          ? <>Last signed checkpoint: event {chain.lastCheckpoint.seq} ({chain.lastCheckpoint.count} events), <Timestamp at={chain.lastCheckpoint.at} /></>
          : "No signed checkpoint exists yet: deleting the newest events would not be detected."}
      </p>
    </Card>
  );
}
