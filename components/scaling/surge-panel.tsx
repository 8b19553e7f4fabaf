"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import type { ActiveSurge } from "@/lib/services/scaling/surges";
import { FieldError } from "@/components/ui/field-error";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { formatUtc } from "@/components/ui/timestamp";

type Action = (prev: ActionResult<ActiveSurge> | null, form: FormData) => Promise<ActionResult<ActiveSurge>>;

/** The active emergency surge (if any) and, for admins, a form to start one with an expiry. */
export function SurgePanel({ active, factor, editable, action }: { active: ActiveSurge | null; factor: number; editable: boolean; action: Action }) {
  const [state, start, pending] = useActionState(action, null);
  const surge = state?.ok ? state.data : active;
  const err = (name: string) => (state && !state.ok ? state.fields?.[name] : undefined);
  return (
    <div>
      <p data-testid="surge-status">
        {surge
          ? `Surge active: ×${surge.factor} until ${formatUtc(surge.expiresAt)} (${surge.source === "manual" ? "started by an admin" : "started by the emergency burn-rate alert"}: ${surge.reason}). It ends on its own.`
          : `No surge active. A surge multiplies the replica floor by ${factor} for a set time; the emergency burn-rate alert starts one by itself.`}
      </p>
      {editable && (
        <form action={start} data-testid="surge-form">
          <input type="hidden" name="service" value="clinical" />
          <label>
            Duration (minutes)
            <input name="minutes" type="number" min={1} max={1440} data-testid="surge-minutes" />
            <FieldError message={err("minutes")} testId="error-surge-minutes" />
          </label>
          <label>
            Reason
            <input name="reason" data-testid="surge-reason" />
            <FieldError message={err("reason")} testId="error-surge-reason" />
          </label>
          <OnlineSubmit disabled={pending} data-testid="surge-start">Start surge</OnlineSubmit>
        </form>
      )}
    </div>
  );
}
