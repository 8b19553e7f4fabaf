import type { Target } from "./http-target";
import { journeyIteration } from "./journey";
import { runLoad, type LoadModel, type RunControl, type RunResult } from "./run";
import { mulberry32 } from "../random";
import type { Scenario } from "./scenario-schema";
import { DEFAULT_ENDPOINT_THRESHOLDS, DEFAULT_THRESHOLDS, THROUGHPUT_FLOORS, type DataClass, type Threshold } from "./thresholds";
import { zipfSampler } from "./zipf";
import { plannedArrivals } from "./schedule";

/** The reference clinical service's patient ids: `p-` and six digits, from 1 upwards. */
const patientId = (n: number) => `p-${String(n).padStart(6, "0")}`;

export interface ScenarioRun extends RunResult {
  scenario: string;
  /** Stress runs: the highest arrival rate whose step passed every threshold. */
  sustainableRate?: number | null;
  steps?: { rate: number; passed: boolean; p95: number; errorRate: number }[];
}

export interface ScenarioOptions extends RunControl {
  seed?: number;
  /** Total seconds: stretches or shrinks the profile's stages proportionally. */
  durationS?: number;
  thresholds?: Threshold[];
}

/** Endpoint name (`journey: step`) → the step's data class. */
export function endpointClasses(scenario: Scenario): Record<string, DataClass> {
  return Object.fromEntries(scenario.journeys.flatMap((j) => j.steps.filter((s) => s.dataClass).map((s) => [`${j.name}: ${s.name}`, s.dataClass!])));
}

/** Requests per second of each data class an open-model arrival rate offers, from the journey mix. */
export function offeredByClass(scenario: Scenario, arrivalRate: number): Partial<Record<DataClass, number>> {
  const total = scenario.journeys.reduce((s, j) => s + j.weight, 0);
  const out: Partial<Record<DataClass, number>> = {};
  for (const j of scenario.journeys) for (const s of j.steps) if (s.dataClass) out[s.dataClass] = (out[s.dataClass] ?? 0) + (arrivalRate * j.weight) / total;
  return out;
}

/**
 * The brief's overall targets, its per-endpoint ones for the endpoints the scenario uses, and
 * its throughput floors for the classes an open-model rate offers enough of (closed-model
 * throughput is set by think time, so a floor there would only measure the scenario).
 */
export function defaultThresholds(scenario: Scenario, arrivalRate?: number): Threshold[] {
  const endpoints = new Set(scenario.journeys.flatMap((j) => j.steps.map((s) => `${j.name}: ${s.name}`)));
  const p = scenario.profile;
  // A floor is a run average, so compare it with the run's average offered rate.
  const rate = arrivalRate ?? (p.kind === "open" ? plannedArrivals(p.startRate, p.stages) / p.stages.reduce((s, x) => s + x.durationS, 0) : 0);
  const offered = offeredByClass(scenario, rate);
  const floors = Object.entries(THROUGHPUT_FLOORS)
    .filter(([c, floor]) => (offered[c as DataClass] ?? 0) >= floor!)
    .map(([c, floor]) => ({ scope: `class:${c}`, expression: `rps >= ${floor}` }));
  return [...DEFAULT_THRESHOLDS, ...DEFAULT_ENDPOINT_THRESHOLDS.filter((t) => endpoints.has(t.scope)), ...floors];
}

/** The length a scenario runs for when asked for `durationS` (or its own), in seconds; stress runs: one step. */
export function scenarioDurationS(scenario: Scenario, durationS?: number): number {
  const p = scenario.profile;
  if (p.kind === "stress") return p.stepDurationS;
  return durationS ?? p.stages.reduce((s, x) => s + x.durationS, 0);
}

export function scaleStages<T extends { durationS: number }>(stages: T[], totalS: number): T[] {
  const current = stages.reduce((s, x) => s + x.durationS, 0);
  return stages.map((s) => ({ ...s, durationS: (s.durationS * totalS) / current }));
}

export async function runScenario(scenario: Scenario, target: Target, opts: ScenarioOptions = {}): Promise<ScenarioRun> {
  const random = mulberry32(opts.seed ?? 1);
  const pick = zipfSampler(scenario.patients.count, scenario.patients.zipfS, random);
  const iterate = journeyIteration(scenario, target, { random, pickPatient: () => patientId(pick()) });
  const thresholds = opts.thresholds ?? scenario.thresholds ?? defaultThresholds(scenario);
  const p = scenario.profile;
  opts = { ...opts, endpointClasses: endpointClasses(scenario) };
  if (p.kind === "stress") return runStress(scenario, p, iterate, opts.thresholds ?? scenario.thresholds, opts);
  const stages = opts.durationS ? scaleStages(p.stages, opts.durationS) : p.stages;
  const model: LoadModel = p.kind === "open" ? { ...p, stages } : { ...p, stages, random };
  return { scenario: scenario.name, ...(await runLoad(model, iterate, thresholds, opts)) };
}

async function runStress(
  scenario: Scenario,
  p: Extract<Scenario["profile"], { kind: "stress" }>,
  iterate: ReturnType<typeof journeyIteration>,
  explicit: Threshold[] | undefined,
  opts: ScenarioOptions,
): Promise<ScenarioRun> {
  const steps: NonNullable<ScenarioRun["steps"]> = [];
  let sustainable: number | null = null;
  let last: RunResult | undefined;
  for (let rate = p.startRate; rate <= p.maxRate && !opts.signal?.aborted; rate += p.stepRate) {
    const thresholds = explicit ?? defaultThresholds(scenario, rate);
    last = await runLoad({ kind: "open", startRate: rate, stages: [{ durationS: p.stepDurationS, target: rate }], maxInFlight: p.maxInFlight }, iterate, thresholds, opts);
    steps.push({ rate, passed: last.passed, p95: last.latencyMs.p95, errorRate: last.errorRate });
    if (!last.passed) break;
    sustainable = rate;
  }
  return { scenario: scenario.name, ...last!, sustainableRate: sustainable, steps, passed: sustainable !== null };
}
