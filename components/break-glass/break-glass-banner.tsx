"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import type { FormAction } from "@/components/ui/form-action";
import { Timestamp } from "@/components/ui/timestamp";

/** "12:05" (minutes:seconds) left until `endsAt`; never negative. */
function timeLeft(endsAtMs: number, nowMs: number): string {
  const s = Math.max(0, Math.ceil((endsAtMs - nowMs) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * Shown on every console page while the user holds break-glass rights: the time left, counting
 * down, and "End now". At zero the page is fetched again, and the server (which checks the grant
 * on every request) has already dropped the rights.
 */
export function BreakGlassBanner({ breakGlass, endAction }: { breakGlass?: { id: string; endsAt: Date } | null; endAction: FormAction }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(endAction, null);
  const endsAtMs = breakGlass ? new Date(breakGlass.endsAt).getTime() : 0;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!breakGlass) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= endsAtMs) {
        clearInterval(timer);
        router.refresh();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [breakGlass, endsAtMs, router]);
  if (!breakGlass) return null;
  return (
    <div className="break-glass-banner" role="alert" data-testid="break-glass-banner">
      <strong>Break-glass active:</strong> you hold administrator rights until <Timestamp at={new Date(endsAtMs)} testId="break-glass-ends-at" />{" "}
      (<span data-testid="break-glass-time-left" suppressHydrationWarning>{timeLeft(endsAtMs, now)}</span> left). Every action is audited.
      <form action={action} className="inline-form">
        <button type="submit" disabled={pending} data-testid="break-glass-end">
          {pending ? "Ending…" : "End now"}
        </button>
      </form>
      {state && !state.ok && (
        <span className="error" data-testid="break-glass-end-error">
          {" "}
          {state.message}
        </span>
      )}
    </div>
  );
}
