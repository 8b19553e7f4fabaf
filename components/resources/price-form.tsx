"use client";

import { startTransition, useActionState } from "react";
import type { PriceTable } from "@/core/engines/cost/prices";
import type { SavedPriceTable } from "@/lib/services/resources/price-table";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { FieldError } from "@/components/ui/field-error";
import { ReasonField } from "@/components/ui/reason-field";
import type { FormAction } from "@/components/ui/form-action";

const FIELDS: { name: keyof PriceTable; label: string }[] = [
  { name: "vcpuHour", label: "USD per vCPU-hour" },
  { name: "gibHour", label: "USD per GiB-hour (memory)" },
  { name: "replicaHour", label: "USD per replica-hour (Scaling simulator)" },
];

/**
 * The price table (admin). Submitted through onSubmit rather than the form's `action`, so React
 * does not reset the form: when the server refuses, what was typed stays beside its error.
 */
export function PriceForm({ saved, editable, action: save }: { saved: SavedPriceTable; editable: boolean; action: FormAction<SavedPriceTable> }) {
  const [state, action, pending] = useActionState(save, null);
  const fieldError = (name: string) => (state && !state.ok ? state.fields?.[name] : undefined);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
      className="grid"
      data-testid="price-form"
    >
      {FIELDS.map((f) => (
        <label key={f.name}>
          {f.label}
          <input name={f.name} type="number" step="any" min={0} required defaultValue={saved.prices[f.name]} disabled={!editable} data-testid={`price-${f.name}`} />
          <FieldError message={fieldError(f.name)} testId={`price-${f.name}-error`} />
        </label>
      ))}
      {editable && <ReasonField error={fieldError("reason")} testId="price-reason" />}
      {editable ? (
        <div>
          <OnlineSubmit disabled={pending} data-testid="price-submit">{pending ? "Saving…" : "Save prices"}</OnlineSubmit>
          {state && (
            <p role="status" className={state.ok ? "muted" : "error"} data-testid="price-result">
              {state.ok ? `Saved as version ${state.data.version}; every cost figure uses it from now on.` : state.message}
            </p>
          )}
        </div>
      ) : (
        <p className="muted">Only admins change prices.</p>
      )}
    </form>
  );
}
