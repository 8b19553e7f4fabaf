import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { StatusBadge, type Status } from "@/components/ui/status-badge";

const LABEL: Record<Status, string> = { ok: "OK", warn: "Warning", bad: "Problem", neutral: "Not measured" };

/**
 * `status` undefined: an informational card with no health badge. Green ("ok") only for a
 * check that ran and passed; anything unconfigured or unmeasured is neutral.
 */
export function StatusCard({ title, status, label, lines, testId, children }: { title: string; status?: Status; label?: string; lines: string[]; testId: string; children?: ReactNode }) {
  return (
    <Card testId={testId} title={<>{title} {status !== undefined && <StatusBadge status={status} label={label ?? LABEL[status]} testId={`${testId}-badge`} />}</>}>
      <div className="stack-tight">
        {lines.map((l) => (
          <p key={l} className="muted">
            {l}
          </p>
        ))}
      </div>
      {children}
    </Card>
  );
}
