"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";
import type { AuditExportSummary } from "@/lib/services/audit/prepare-audit-export";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUtc } from "@/components/ui/timestamp";

export interface ExportPeriod {
  /** ISO instants, [from, to): the whole UTC days chosen in the filters. */
  from: string;
  to: string;
}

const FORMATS = [
  { format: "ndjson", label: "FHIR AuditEvent NDJSON" },
  { format: "csv", label: "CSV" },
  { format: "manifest", label: "Signed manifest" },
] as const;

const hrefFor = (s: AuditExportSummary, format: string) => `/api/audit/export?${new URLSearchParams({ from: s.from, to: s.to, through: s.through, format })}`;

/** The period's export as `npm run audit:export` writes it: hashes on screen, three audited downloads. */
export function AuditExportPanel({ period, prepare }: { period: ExportPeriod | null; prepare: (p: ExportPeriod) => Promise<ActionResult<AuditExportSummary>> }) {
  const [result, setResult] = useState<ActionResult<AuditExportSummary> | null>(null);
  const [pending, start] = useTransition();
  const s = result?.ok ? result.data : null;
  return (
    <Card title="Export this period" testId="audit-export">
      {!period ? (
        <EmptyState testId="audit-export-empty">Choose a From and a To day above and filter, then export that period.</EmptyState>
      ) : (
        <>
          <p className="muted">
            Every event recorded from {formatUtc(period.from)} up to {formatUtc(period.to)} (the other filters do not apply: a verifier
            needs the chain whole), as FHIR R4 AuditEvent NDJSON and CSV with a signed manifest, the same files as{" "}
            <code>npm run audit:export</code>. Patient references are pseudonymized. Each download is audited.
          </p>
          <button type="button" onClick={() => start(async () => setResult(await prepare(period)))} disabled={pending} data-testid="audit-export-prepare">
            {pending ? "Preparing…" : "Prepare the export"}
          </button>
        </>
      )}
      {result && !result.ok && <p className="error" role="alert">{result.message}</p>}
      {s && (
        <div data-testid="audit-export-summary">
          <p data-testid="audit-export-count">
            {s.count} events{s.count ? `, #${s.chain.firstSeq} to #${s.chain.lastSeq}` : " (an empty period gives an honest empty export)"}; pinned to the
            trail as of event #{s.through}, so the three files agree.
          </p>
          <table>
            <thead>
              <tr><th>File</th><th>SHA-256</th><th>Bytes</th></tr>
            </thead>
            <tbody>
              {s.files.map((f) => (
                <tr key={f.name}>
                  <td><code>{f.name}</code></td>
                  <td><code data-testid={`audit-export-sha-${f.name}`} className="hash">{f.sha256}</code></td>
                  <td>{f.bytes}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            Chain: previous hash before the first event <code className="hash">{s.chain.prevHashBeforeFirst}</code>; last hash{" "}
            <code className="hash" data-testid="audit-export-last-hash">{s.chain.lastHash ?? "— (no events)"}</code>.
          </p>
          {s.checkpoints.length ? (
            <ul data-testid="audit-export-checkpoints">
              {s.checkpoints.map((c) => (
                <li key={c.seq}>Signed checkpoint at event #{c.seq} ({formatUtc(c.at)}, {c.count} events in the trail then)</li>
              ))}
            </ul>
          ) : (
            <p className="muted" data-testid="audit-export-checkpoints">No signed checkpoint falls on an event in this period; the export is checked by its hashes and signed manifest.</p>
          )}
          <p>
            {FORMATS.map((f) => (
              <a key={f.format} href={hrefFor(s, f.format)} download data-testid={`audit-export-${f.format}`} className="download-link">
                Download {f.label}
              </a>
            ))}
          </p>
          <p className="muted">
            To verify offline, with no database: save the three files into one folder and run{" "}
            <code>npm run audit:verify -- --export &lt;folder&gt;</code>. It names the first altered, missing or reordered record (exit 1).
          </p>
        </div>
      )}
    </Card>
  );
}
