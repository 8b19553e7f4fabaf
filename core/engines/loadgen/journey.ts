import { errorKind, type Target } from "./http-target";
import type { Iteration } from "./iteration";
import { valuesAt } from "./json-path";
import { wrongPatient } from "./patient-checks";
import { SafetyFailure } from "./run";
import { runPseudonym } from "./run-pseudonym";
import type { Journey, Scenario, Step } from "./scenario-schema";

export interface JourneyContext {
  random: () => number;
  pickPatient: () => string;
}

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{([a-zA-Z]+)\}/g, (_, k: string) => encodeURIComponent(vars[k] ?? ""));

function fillBody(body: unknown, vars: Record<string, string>): string | undefined {
  if (body === undefined) return undefined;
  return JSON.stringify(body).replace(/\{([a-zA-Z]+)\}/g, (_, k: string) => vars[k] ?? "");
}

/** Picks a journey by weight. */
export function weightedJourney(journeys: Journey[], random: () => number): Journey {
  const total = journeys.reduce((s, j) => s + j.weight, 0);
  let r = random() * total;
  for (const j of journeys) if ((r -= j.weight) <= 0) return j;
  return journeys[journeys.length - 1]!;
}

/**
 * One iteration of a scenario: pick a journey, a patient and a ward, then run the steps in
 * order with their (time-scaled) think times, checks and captures. A failed status or shape
 * check is recorded as an error; a response about another patient throws SafetyFailure.
 */
export function journeyIteration(scenario: Scenario, target: Target, ctx: JourneyContext): Iteration {
  return async ({ scheduledAt, record, signal }) => {
    const journey = weightedJourney(scenario.journeys, ctx.random);
    const vars: Record<string, string> = {
      patient: ctx.pickPatient(),
      ward: scenario.wards[Math.floor(ctx.random() * scenario.wards.length)]!,
    };
    let first = true;
    for (const step of journey.steps) {
      if (signal.aborted) return;
      if (step.thinkMs && !first) await think(step, scenario.timeScale, ctx.random, signal);
      const startedAt = first && scheduledAt !== null ? scheduledAt : performance.now();
      first = false;
      const ok = await runStep(step, journey.name, target, vars, startedAt, record, ctx.random);
      if (!ok) return; // later steps depend on this one
    }
  };
}

async function runStep(
  step: Step, journey: string, target: Target, vars: Record<string, string>, startedAt: number,
  record: Parameters<Iteration>[0]["record"], random: () => number,
): Promise<boolean> {
  const endpoint = `${journey}: ${step.name}`;
  const body = fillBody(step.body, vars);
  let status: number;
  let text: string | undefined;
  try {
    const res = await target.request(step.method, fill(step.path, vars), {
      body,
      headers: body ? { "content-type": "application/fhir+json" } : undefined,
      readBody: true,
    });
    status = res.status;
    text = res.body;
  } catch (err) {
    record(endpoint, startedAt, null, errorKind(err));
    return false;
  }
  const json = parse(text);
  if (step.check.samePatient && json) {
    const other = wrongPatient(json, vars.patient!);
    if (other) throw new SafetyFailure(`${endpoint}: asked for patient ${runPseudonym(vars.patient!)}, response was about another patient, ${runPseudonym(other)} (pseudonyms for this run; no identifier is kept)`);
  }
  const shapeOk = !step.check.resourceType || (json as { resourceType?: string } | null)?.resourceType === step.check.resourceType;
  const passed = step.check.status.includes(status) && shapeOk;
  // A wrong status or shape is a failed check: counted as an error, with the real status kept.
  record(endpoint, startedAt, status, passed ? null : "check");
  if (passed && step.capture) {
    const values = valuesAt(json, step.capture.path).filter((v): v is string => typeof v === "string");
    if (values.length === 0) return false;
    const chosen = values[Math.floor(random() * values.length)]!;
    vars[step.capture.as] = step.capture.stripPrefix && chosen.startsWith(step.capture.stripPrefix) ? chosen.slice(step.capture.stripPrefix.length) : chosen;
  }
  return passed;
}

function parse(text: string | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function think(step: Step, timeScale: number, random: () => number, signal: AbortSignal): Promise<void> {
  const [lo, hi] = step.thinkMs!;
  const ms = (lo + random() * (hi - lo)) / timeScale;
  return new Promise((resolve) => {
    const onAbort = () => (clearTimeout(t), resolve());
    const t = setTimeout(() => (signal.removeEventListener("abort", onAbort), resolve()), ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
