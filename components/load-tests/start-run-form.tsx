"use client";

import { useActionState, useState } from "react";
import { verdictWarning } from "@/core/engines/loadgen/verdict-warning";
import { OnlineSubmit } from "@/components/pwa/online-submit";
import type { FormAction } from "@/components/ui/form-action";
import { FieldError } from "@/components/ui/field-error";

export interface ScenarioOption {
  name: string;
  title: string;
  description: string;
  /** Seconds the scenario runs without a duration; null for stress runs (steps until a threshold fails). */
  defaultDurationS: number | null;
  /** Endpoint names per-endpoint thresholds can use (`p(95) < 500 @ <endpoint>`). */
  endpoints: string[];
}

export function StartRunForm({ scenarios, defaultTarget, action: start }: { scenarios: ScenarioOption[]; defaultTarget: string; action: FormAction }) {
  const [state, action, pending] = useActionState(start, null);
  const err = state && !state.ok ? state : null;
  const [scenarioName, setScenarioName] = useState("light");
  const [duration, setDuration] = useState("");
  const scenario = scenarios.find((s) => s.name === scenarioName) ?? scenarios[0]!;
  const length = Number(duration) > 0 ? Number(duration) : scenario.defaultDurationS;
  // Said before the run starts: a run this short cannot be judged against a baseline.
  const warning = length === null ? null : verdictWarning(length);
  return (
    <form action={action} className="grid" data-testid="start-run-form">
      <label>
        Scenario
        <select name="scenario" value={scenarioName} onChange={(e) => setScenarioName(e.target.value)} data-testid="run-scenario">
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
        <FieldError message={err?.fields?.target} testId="run-target-error" />
      </label>
      <label>
        Duration in seconds (optional, stretches the scenario)
        <input name="durationS" type="number" min={1} placeholder={scenario.defaultDurationS ? `scenario default, ${scenario.defaultDurationS} s` : "scenario default"} value={duration} onChange={(e) => setDuration(e.target.value)} data-testid="run-duration" />
        {warning && <span className="notice" role="status" data-testid="run-duration-warning">This run will not be comparable with a baseline: {warning}</span>}
        <FieldError message={err?.fields?.durationS} />
      </label>
      <label className="span-all">
        Thresholds, one per line (blank: the scenario&apos;s defaults, P95 &lt; 2 s, P99 &lt; 3 s, errors &lt; 1% and the per-endpoint targets)
        <textarea name="thresholds" rows={3} placeholder={`p(95) < 2000\nerror_rate < 0.01\np(95) < 500 @ ${scenario.endpoints[0] ?? "<endpoint>"}`} data-testid="run-thresholds-input" className="input-full mono" />
        <span className="muted" data-testid="run-endpoints-hint">Endpoints of {scenario.name}: {scenario.endpoints.join(" · ")}</span>
        <FieldError message={err?.fields?.thresholds} />
      </label>
      <label className="checkbox-label">
        <input type="checkbox" name="abortOnFail" /> Stop the run as soon as a threshold fails
      </label>
      <div className="form-submit">
        <OnlineSubmit disabled={pending} data-testid="run-start">
          {pending ? "Starting…" : "Start run"}
        </OnlineSubmit>
        {err && <p className="error" role="alert" data-testid="run-start-error">{err.message}</p>}
      </div>
    </form>
  );
}
