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
        {err?.fields?.target && <span className="field-error">{err.fields.target[0]}</span>}
      </label>
      <label>
        Duration in seconds (optional, stretches the scenario)
        <input name="durationS" type="number" min={5} placeholder="scenario default" data-testid="run-duration" />
        {err?.fields?.durationS && <span className="field-error">{err.fields.durationS[0]}</span>}
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
