import { scenarioSchema, type Scenario, type ScenarioInput } from "../scenario-schema";
import { EVERYDAY_MIX, J, weighted } from "./journeys";

const THINK: [number, number] = [1000, 3000];
const closed = (users: number, durationS: number) => ({ kind: "closed" as const, startVUs: users, stages: [{ durationS, target: users }], thinkTimeMs: THINK });
const everyday = (name: string, users: number): ScenarioInput => ({
  name, title: `${name[0]!.toUpperCase()}${name.slice(1)} load (${users} users)`,
  description: `${users} concurrent clinical users on the everyday mix (lookups, vitals, labs, triage, census), 1-3 s think time.`,
  profile: closed(users, 60), journeys: EVERYDAY_MIX, patients: { count: 1000, zipfS: 1 },
});

const DEFINITIONS: ScenarioInput[] = [
  everyday("light", 10),
  everyday("normal", 50),
  everyday("heavy", 100),
  everyday("peak", 500),
  {
    name: "spike", title: "Spike (10 → 500 → 10 users)", description: "A sudden surge: 10 users, jump to 500 within 10 s, hold 30 s, fall back.",
    profile: { kind: "closed", startVUs: 10, stages: [{ durationS: 10, target: 10 }, { durationS: 10, target: 500 }, { durationS: 30, target: 500 }, { durationS: 10, target: 10 }, { durationS: 10, target: 10 }], thinkTimeMs: THINK },
    journeys: EVERYDAY_MIX, patients: { count: 1000, zipfS: 1 },
  },
  {
    name: "stress", title: "Stress (find the breaking point)",
    description: "Raises arrivals by 50 req/s every 15 s until p95, p99 or the error rate breaks its threshold; reports the highest rate that held.",
    profile: { kind: "stress", startRate: 50, stepRate: 50, stepDurationS: 15, maxRate: 5000, maxInFlight: 2000 },
    journeys: EVERYDAY_MIX, patients: { count: 1000, zipfS: 1 },
  },
  {
    name: "morning-rounds", title: "Morning rounds (15 clinicians)",
    description: "15 clinicians go from bed to bed: census → patient → vitals → labs → triage, with real think times compressed 60× (each bedside visit about 4 s). They keep seeing patients for the whole run (2 minutes unless a duration is given, the equivalent of 2 h of rounds).",
    profile: { kind: "closed", startVUs: 15, stages: [{ durationS: 120, target: 15 }] },
    timeScale: 60, journeys: [J.roundVisit], patients: { count: 1000, zipfS: 0 },
  },
  {
    name: "emergency-response", title: "Emergency response", description: "Stat alerts at 2/s with vitals polling at 20/s for 60 s (open model: arrivals do not wait).",
    profile: { kind: "open", startRate: 22, stages: [{ durationS: 60, target: 22 }], maxInFlight: 500 },
    journeys: [weighted(J.alert, 2), weighted(J.vitals, 20)], patients: { count: 1000, zipfS: 1.2 },
    thresholds: [{ scope: "emergency alert: stat alert", expression: "p(99) < 5000" }, { scope: "vital signs: latest vitals", expression: "p(95) < 500" }],
  },
  {
    name: "mass-casualty", title: "Mass casualty", description: "Arrivals ramp ×10 (20 → 200 req/s) while the mix shifts to vitals and triage.",
    profile: { kind: "open", startRate: 20, stages: [{ durationS: 20, target: 20 }, { durationS: 20, target: 200 }, { durationS: 40, target: 200 }], maxInFlight: 1000 },
    journeys: [weighted(J.vitals, 40), weighted(J.triage, 30), weighted(J.alert, 10), weighted(J.lookup, 15), weighted(J.census, 5)], patients: { count: 1000, zipfS: 1.2 },
  },
  {
    name: "system-overload", title: "System overload", description: "Offers 2,000 req/s, far beyond capacity: shows shedding (429) and that emergency alerts still get through.",
    profile: { kind: "open", startRate: 2000, stages: [{ durationS: 30, target: 2000 }], maxInFlight: 2000 },
    journeys: [...EVERYDAY_MIX.map((j) => ({ ...j, steps: j.steps.map((s) => ({ ...s, check: { ...s.check, status: [...(s.check?.status ?? [200]), 429] } })) }))],
    patients: { count: 1000, zipfS: 1 },
  },
];

export const BUILT_IN_SCENARIOS: Record<string, Scenario> = Object.fromEntries(DEFINITIONS.map((d) => {
  const s = scenarioSchema.parse(d);
  return [s.name, s];
}));

export const SCENARIO_NAMES = Object.keys(BUILT_IN_SCENARIOS);
