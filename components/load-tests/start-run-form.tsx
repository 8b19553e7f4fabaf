"use client";

import { useActionState } from "react";
import { startRunAction } from "@/app/(console)/load-tests/actions";
import { OnlineSubmit } from "@/components/pwa/online-submit";

export interface ScenarioOption {
  name: string;
  title: string;
  description: string;
}

export function StartRunForm({ scenarios, defaultTarget }: { scenarios: ScenarioOption[]; defaultTarget: string }) {
  const [state, action, pending] = useActionState(startRunAction, null);
  const err = state && !state.ok ? state : null;
  return (
    <form action={action} className="grid" data-testid="start-run-form">
      <label>
        Scenario
        <select name="scenario" defaultValue="light" data-testid="run-scenario">
          {scenarios.map((s) => (
            <option key={s.name} value={s.name} title={s.description}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Target (loopback or allowlisted)
        <input name="target" defaultValue={defaultTarget} required data-testid="run-target" />
        {err?.fields?.target && <span className="field-error" data-testid="run-target-error">{err.fields.target[0]}</span>}
      </label>
      <label>
        Duration in seconds (optional, stretches the scenario)
        <input name="durationS" type="number" min={5} placeholder="scenario default" data-testid="run-duration" />
        {err?.fields?.durationS && <span className="field-error">{err.fields.durationS[0]}</span>}
      </label>
      <label style={{ gridColumn: "1 / -1" }}>
        Thresholds, one per line (blank: the scenario&apos;s defaults, P95 &lt; 2 s, P99 &lt; 3 s, errors &lt; 1% and the per-endpoint targets)
        <textarea name="thresholds" rows={3} placeholder={"p(95) < 2000\nerror_rate < 0.01\np(95) < 500 @ vital signs: latest vitals"} data-testid="run-thresholds-input" style={{ width: "100%", fontFamily: "monospace" }} />
        {err?.fields?.thresholds && <span className="field-error">{err.fields.thresholds[0]}</span>}
      </label>
      <label style={{ display: "flex", gap: ".5rem", alignItems: "center" }}>
        <input type="checkbox" name="abortOnFail" style={{ width: "auto", minHeight: 0 }} /> Stop the run as soon as a threshold fails
      </label>
      <div style={{ alignSelf: "end", marginBottom: ".75rem" }}>
        <OnlineSubmit disabled={pending} data-testid="run-start">
          {pending ? "Starting…" : "Start run"}
        </OnlineSubmit>
        {err && <p className="error" role="alert" data-testid="run-start-error">{err.message}</p>}
      </div>
    </form>
  );
}
