import type { ReactNode } from "react";
import { StatusBadge, type Status } from "@/components/ui/status-badge";

const LABEL: Record<Status, string> = { ok: "OK", warn: "Warning", bad: "Problem", neutral: "Not measured" };

/**
 * `status` undefined: an informational card with no health badge. Green ("ok") only for a
 * check that ran and passed; anything unconfigured or unmeasured is neutral.
 */
export function StatusCard({ title, status, label, lines, testId, children }: { title: string; status?: Status; label?: string; lines: string[]; testId: string; children?: ReactNode }) {
  return (
    <section className="panel" data-testid={testId}>
      <h2 style={{ marginTop: 0 }}>
        {title} {status !== undefined && <StatusBadge status={status} label={label ?? LABEL[status]} testId={`${testId}-badge`} />}
      </h2>
      {lines.map((l) => (
        <p key={l} className="muted" style={{ margin: ".25rem 0" }}>
          {l}
        </p>
      ))}
      {children}
    </section>
  );
}
