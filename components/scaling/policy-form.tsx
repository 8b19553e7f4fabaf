"use client";

import { startTransition, useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import type { ScalingPolicy } from "@/core/engines/scaling/policy";
import { TARGET_METRICS, formatDays, SCHEDULE_FORM_ROWS } from "@/core/engines/scaling/policy-fields";
import type { SavedScalingPolicy } from "@/lib/services/scaling/scaling-policy";
import { FieldError } from "@/components/ui/field-error";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import { formatUtc } from "@/components/ui/timestamp";

type Action = (prev: ActionResult<SavedScalingPolicy> | null, form: FormData) => Promise<ActionResult<SavedScalingPolicy>>;

/** Min/max, target, behaviour windows, time zone, schedules and surge; editable by admins only. */
export function ScalingPolicyForm({ saved, editable, action }: { saved: SavedScalingPolicy; editable: boolean; action: Action }) {
  const [state, save, pending] = useActionState(action, null);
  const shown = state?.ok ? state.data : saved;
  const p: ScalingPolicy = shown.policy;
  const err = (name: string) => (state && !state.ok ? state.fields?.[name] : undefined);
  const num = (name: string, value: number, label: string, min = 0) => (
    <label>
      {label}
      <input name={name} type="number" step="any" min={min} defaultValue={value} disabled={!editable} data-testid={`field-${name}`} />
      <FieldError message={err(name)} testId={`error-${name}`} />
    </label>
  );
  const rows = Array.from({ length: SCHEDULE_FORM_ROWS }, (_, i) => p.schedules[i]);
  return (
    // Submitted through onSubmit, not the form's `action`, so React does not reset the fields:
    // after a refusal what the admin typed stays for the correction.
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => save(data));
      }}
      data-testid="scaling-policy-form"
      key={shown.version}
    >
      <input type="hidden" name="service" value={p.service} />
      <div className="field-grid">
        {num("minReplicas", p.minReplicas, "Min replicas", 1)}
        {num("maxReplicas", p.maxReplicas, "Max replicas", 1)}
        <label>
          Target metric
          <select name="target.metric" defaultValue={p.target.metric} disabled={!editable} data-testid="field-target.metric">
            {Object.entries(TARGET_METRICS).map(([k, v]) => <option key={k} value={k}>{k} ({v.unit})</option>)}
          </select>
        </label>
        {num("target.value", p.target.value, "Target value")}
        <label>
          Time zone (IANA)
          <input name="timeZone" defaultValue={p.timeZone} disabled={!editable} data-testid="field-timeZone" />
          <FieldError message={err("timeZone")} testId="error-timeZone" />
        </label>
        {num("behavior.scaleUp.stabilizationSeconds", p.behavior.scaleUp.stabilizationSeconds, "Scale-up stabilization (s)")}
        {num("behavior.scaleUp.percentPerPeriod", p.behavior.scaleUp.percentPerPeriod, "Scale-up max % per period")}
        {num("behavior.scaleUp.podsPerPeriod", p.behavior.scaleUp.podsPerPeriod, "Scale-up max pods per period", 1)}
        {num("behavior.scaleUp.periodSeconds", p.behavior.scaleUp.periodSeconds, "Scale-up period (s)", 1)}
        {num("behavior.scaleDown.stabilizationSeconds", p.behavior.scaleDown.stabilizationSeconds, "Scale-down stabilization (s)")}
        {num("behavior.scaleDown.percentPerPeriod", p.behavior.scaleDown.percentPerPeriod, "Scale-down max % per period")}
        {num("behavior.scaleDown.periodSeconds", p.behavior.scaleDown.periodSeconds, "Scale-down period (s)", 1)}
        {num("surge.factor", p.surge.factor, "Emergency surge factor (×)", 1)}
        {num("surge.defaultMinutes", p.surge.defaultMinutes, "Surge length when the alert starts it (min)", 1)}
        <label>
          <input name="forecast.enabled" type="checkbox" defaultChecked={p.forecast.enabled} disabled={!editable} className="input-check" /> Forecast may add replicas ahead of time (never removes)
        </label>
      </div>
      <h3>Schedules ({p.timeZone})</h3>
      <table data-testid="schedule-rows">
        <thead><tr><th scope="col">Name</th><th scope="col">Days (mon-fri, daily, mon,wed)</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Min replicas</th></tr></thead>
        <tbody>
          {rows.map((s, i) => (
            <tr key={i}>
              <td><input name={`schedules.${i}.name`} defaultValue={s?.name ?? ""} disabled={!editable} aria-label={`schedule ${i + 1} name`} data-testid={`field-schedules.${i}.name`} /><FieldError message={err(`schedules.${i}`) ?? err(`schedules.${i}.name`)} testId={`error-schedules.${i}`} /></td>
              <td><input name={`schedules.${i}.days`} defaultValue={s ? formatDays(s.days) : ""} disabled={!editable} aria-label={`schedule ${i + 1} days`} data-testid={`field-schedules.${i}.days`} /><FieldError message={err(`schedules.${i}.days`) ?? err(`schedules.${i}.days.0`)} /></td>
              <td><input name={`schedules.${i}.start`} defaultValue={s?.start ?? ""} placeholder="06:00" disabled={!editable} aria-label={`schedule ${i + 1} start`} data-testid={`field-schedules.${i}.start`} /><FieldError message={err(`schedules.${i}.start`)} /></td>
              <td><input name={`schedules.${i}.end`} defaultValue={s?.end ?? ""} placeholder="09:00" disabled={!editable} aria-label={`schedule ${i + 1} end`} data-testid={`field-schedules.${i}.end`} /><FieldError message={err(`schedules.${i}.end`)} /></td>
              <td><input name={`schedules.${i}.minReplicas`} type="number" min={1} defaultValue={s?.minReplicas ?? ""} disabled={!editable} aria-label={`schedule ${i + 1} min replicas`} data-testid={`field-schedules.${i}.minReplicas`} /><FieldError message={err(`schedules.${i}.minReplicas`)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="scaling-policy-version">
        {shown.version === 0 ? "Running the defaults (no saved version yet)." : `Version ${shown.version}, saved ${shown.savedAt ? formatUtc(shown.savedAt) : "—"}: “${shown.reason}”.`}
      </p>
      {editable && (
        <>
          <label>
            Reason for the change
            <input name="reason" required minLength={3} data-testid="field-reason" />
            <FieldError message={err("reason")} testId="error-reason" />
          </label>
          <OnlineSubmit disabled={pending} data-testid="scaling-policy-save">Save policy</OnlineSubmit>
        </>
      )}
      {state && !state.ok && <span className="error" data-testid="scaling-policy-error"> {state.message}</span>}
      {state?.ok && <span data-testid="scaling-policy-saved"> Saved version {state.data.version}.</span>}
    </form>
  );
}
