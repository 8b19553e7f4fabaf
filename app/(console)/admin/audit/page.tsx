import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/services/auth/dal";
import { AppError } from "@/lib/errors";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditList } from "@/components/admin/audit-list";
import { VerifyChainPanel } from "@/components/audit/verify-chain-panel";
import { AuditExportPanel, type ExportPeriod } from "@/components/audit/audit-export-panel";
import { AuditRetentionPanel } from "@/components/audit/audit-retention-panel";
import { listAuditArchives } from "@/lib/services/audit/list-audit-archives";
import { can } from "@/lib/auth/roles";
import { archiveAuditEventsAction, loadAuditPageAction, prepareAuditExportAction, updateAuditRetentionAction, verifyAuditTrailAction } from "./actions";

export const metadata: Metadata = { title: "Audit trail" };

type Search = { action?: string; actor?: string; outcome?: string; from?: string; to?: string };

const DAY_MS = 86_400_000;

/** The filters' whole UTC days as the export's [from, to) instants; null until both are chosen. */
function exportPeriod(from?: string, to?: string): ExportPeriod | null {
  if (!from || !to) return null;
  return { from: new Date(`${from}T00:00:00Z`).toISOString(), to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString() };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePagePermission("audit.view", "admin.audit.view");
  const search = await searchParams;
  const filter = { action: search.action, actor: search.actor, outcome: search.outcome, from: search.from, to: search.to };
  let result;
  try {
    result = await listAuditEvents(actor, filter);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "INVALID_INPUT") throw err;
    result = null;
  }
  const { retention, archives } = await listAuditArchives(actor);
  return (
    <>
      <h1>Audit trail</h1>
      <p className="muted">
        Append-only and hash-chained: each event stores SHA-256 over the previous event&apos;s hash and its own
        content, and signed checkpoints outside the database anchor its end.
      </p>
      <VerifyChainPanel verify={verifyAuditTrailAction} />
      <AuditFilters initial={filter} />
      {result ? (
        <>
          <AuditList key={JSON.stringify(filter)} filter={filter} initialRows={result.rows} initialNext={result.nextBefore} total={result.total} loadPage={loadAuditPageAction} />
          <AuditExportPanel key={`export-${filter.from}-${filter.to}`} period={exportPeriod(filter.from, filter.to)} prepare={prepareAuditExportAction} />
        </>
      ) : (
        <p className="error">Those filters are not valid: actions use lowercase letters, dots and underscores; dates look like 2026-11-01, and To is not before From.</p>
      )}
      <AuditRetentionPanel retention={retention} archives={archives} editable={can(actor.role, "policy.change")} save={updateAuditRetentionAction} archive={archiveAuditEventsAction} />
    </>
  );
}
