"use client";

import { useActionState } from "react";
import type { SavedAuditRetention } from "@/lib/services/audit/audit-retention";
import type { ArchiveListing } from "@/lib/services/audit/list-audit-archives";
import type { ArchiveResult } from "@/lib/services/audit/archive-audit-events";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { FieldError } from "@/components/ui/field-error";
import { ReasonField } from "@/components/ui/reason-field";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatUtc } from "@/components/ui/timestamp";
import type { FormAction } from "@/components/ui/form-action";
import { submitKeepingValues } from "@/components/ui/submit-keeping-values";

function archiveMessage(r: ArchiveResult): string {
  if (r.status === "nothing") return `Nothing older than the hot window (${r.hotWindowDays} days, before ${formatUtc(r.cutoff)}): nothing archived, nothing deleted.`;
  if (r.status === "failed") return `The archive did not verify, so nothing was deleted: ${r.problem} (folder ${r.folder} left for inspection).`;
  return `Archive ${r.archive}: ${r.count} events (seq ${r.firstSeq}–${r.lastSeq}) written to ${r.folder}, verified, then deleted from the database.`;
}

/**
 * Retention (issue 18 item 6): the settings with when they took effect, the admin's form, "Archive
 * now", and the archives, marked when past retention. The app never deletes an archive.
 */
export function AuditRetentionPanel({ retention, archives, editable, save, archive }: {
  retention: SavedAuditRetention;
  archives: ArchiveListing[];
  editable: boolean;
  save: FormAction<SavedAuditRetention>;
  archive: FormAction<ArchiveResult>;
}) {
  const [saved, saveAction, saving] = useActionState(save, null);
  const [archived, archiveAction, archiving] = useActionState(archive, null);
  const fieldError = (name: string) => (saved && !saved.ok ? saved.fields?.[name] : undefined);
  return (
    <section className="panel" data-testid="audit-retention">
      <h2>Retention and archive</h2>
      <p data-testid="audit-retention-current">
        Retention {retention.retentionYears} years; events stay in the database for {retention.hotWindowDays} days, then may be archived.{" "}
        {retention.savedAt ? `Version ${retention.version}, in effect since ${formatUtc(retention.savedAt)}.` : "Defaults (nobody has changed them)."}
      </p>
      {editable && (
        <form onSubmit={submitKeepingValues(saveAction)} className="grid" data-testid="audit-retention-form">
          <label>
            Retention period (years, at least 6: HIPAA §164.316)
            <input name="retentionYears" type="number" step={1} defaultValue={retention.retentionYears} data-testid="audit-retention-years" />
            <FieldError message={fieldError("retentionYears")} testId="audit-retention-years-error" />
          </label>
          <label>
            Hot window (days in the database, at least 30)
            <input name="hotWindowDays" type="number" step={1} defaultValue={retention.hotWindowDays} data-testid="audit-retention-days" />
            <FieldError message={fieldError("hotWindowDays")} testId="audit-retention-days-error" />
          </label>
          <ReasonField error={fieldError("reason")} testId="audit-retention-reason" />
          <div>
            <OnlineSubmit disabled={saving} data-testid="audit-retention-submit">{saving ? "Saving…" : "Save retention"}</OnlineSubmit>
            {saved && (
              <p role="status" className={saved.ok ? "muted" : "error"} data-testid="audit-retention-result">
                {saved.ok ? `Saved as version ${saved.data.version}.` : saved.message}
              </p>
            )}
          </div>
        </form>
      )}
      {editable && (
        <form onSubmit={submitKeepingValues(archiveAction)} className="grid" data-testid="audit-archive-form">
          <p className="muted">
            Writes every event older than the hot window to an export folder, verifies it offline, and only then deletes those rows
            (the same as <code>npm run audit:archive</code>).
          </p>
          <ReasonField error={archived && !archived.ok ? archived.fields?.reason : undefined} testId="audit-archive-reason" />
          <div>
            <OnlineSubmit disabled={archiving} data-testid="audit-archive-submit">{archiving ? "Archiving…" : "Archive now"}</OnlineSubmit>
            {archived && (
              <p role="status" className={archived.ok && archived.data.status !== "failed" ? "muted" : "error"} data-testid="audit-archive-result">
                {archived.ok ? archiveMessage(archived.data) : archived.message}
              </p>
            )}
          </div>
        </form>
      )}
      {archives.length === 0 ? (
        <p className="muted" data-testid="audit-archives-empty">No archives: every event is still in the database.</p>
      ) : (
        <table data-testid="audit-archives">
          <thead>
            <tr><th>Archive</th><th>Events (seq)</th><th>Newest event</th><th>Folder</th><th>By, when</th><th>Retention</th></tr>
          </thead>
          <tbody>
            {archives.map((a) => (
              <tr key={a.id} data-testid={`audit-archive-${a.id}`}>
                <td>{a.id}</td>
                <td>{a.count} ({a.firstSeq}–{a.lastSeq})</td>
                <td>{formatUtc(a.lastAt)}</td>
                <td><code>{a.folder}</code></td>
                <td>{a.createdBy}, {formatUtc(a.createdAt)}</td>
                <td>{a.pastRetention ? <StatusBadge status="warn" label="past retention" /> : <StatusBadge status="neutral" label="within retention" />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        The console never deletes an archive, even past retention: removing one is a deployment decision taken outside the app.
      </p>
    </section>
  );
}
