"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { OptimizeResult, OptimizeView } from "@/lib/services/database/optimize/get-optimize";
import type { OptimizeAdvice } from "@/lib/services/database/optimize/advisor-calls";
import { StatusBadge } from "@/components/ui/status-badge";
import { OptimizeSteps } from "./optimize-steps";
import { OptimizeConfirm } from "./optimize-confirm";
import { OptimizeResultView } from "./optimize-result";
import type { OptimizeActions } from "./database-actions";

const POLL_MS = 1000;
const MOVING = ["running", "applying"];

/** The latest Optimize flow, re-read every second while a step is running. */
export function OptimizeLive({ initial, canApply, role, confirmAction }: { initial: OptimizeView; canApply: boolean; role: string; confirmAction: OptimizeActions["confirm"] }) {
  const [s, setS] = useState(initial);
  const router = useRouter();
  const was = useRef(initial.status);
  useEffect(() => setS(initial), [initial]);
  useEffect(() => {
    if (!MOVING.includes(s.status)) return;
    const t = setInterval(async () => {
      const res = await fetch(`/api/database/optimize/${s.id}`, { cache: "no-store" }).catch(() => null);
      if (res?.ok) setS((await res.json()) as OptimizeView);
    }, POLL_MS);
    return () => clearInterval(t);
  }, [s.id, s.status]);
  useEffect(() => {
    // When the flow stops moving, refresh the server parts once (insight, suggestions).
    if (MOVING.includes(was.current) && !MOVING.includes(s.status)) router.refresh();
    was.current = s.status;
  }, [s.status, router]);
  const advice = s.advice as OptimizeAdvice | null;
  return (
    <div data-testid="optimize-live">
      <p>
        {s.scenario}, {s.durationS} s per run, against {s.target}: <span data-testid="optimize-status"><StatusBadge status={s.status === "done" ? "ok" : s.status === "failed" ? "bad" : "warn"} label={s.status} /></span>
        {MOVING.includes(s.status) && <span className="muted"> updating every second</span>}
      </p>
      <OptimizeSteps steps={s.steps} />
      {s.error && <p className="error" role="alert" data-testid="optimize-error">{s.error}</p>}
      {s.status === "awaiting-confirmation" && advice && <OptimizeConfirm sessionId={s.id} suggestions={advice.suggestions} canApply={canApply} role={role} action={confirmAction} />}
      {s.status === "done" && s.result ? <OptimizeResultView result={s.result as OptimizeResult} /> : null}
    </div>
  );
}
