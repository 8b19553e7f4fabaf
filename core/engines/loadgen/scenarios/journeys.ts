import type { ScenarioInput } from "../scenario-schema";

type Journeys = ScenarioInput["journeys"];
const SAME_PATIENT = { status: [200], samePatient: true };
const ALERT_BODY = {
  resourceType: "Communication",
  status: "completed",
  priority: "stat",
  subject: { reference: "Patient/{patient}" },
  category: [{ text: "rapid-response" }],
  payload: [{ contentString: "Load-test alert: rapid response requested" }],
};

/** The clinical journeys the built-in scenarios mix; paths are the reference FHIR API's. */
export const J = {
  lookup: { name: "patient lookup", weight: 1, steps: [{ name: "read patient", dataClass: "patient-data" as const, path: "/fhir/Patient/{patient}", check: { ...SAME_PATIENT, resourceType: "Patient" } }] },
  vitals: {
    name: "vital signs", weight: 1,
    steps: [{ name: "latest vitals", dataClass: "clinical-data" as const, path: "/fhir/Observation?patient={patient}&category=vital-signs&_sort=-date&_count=20", check: { ...SAME_PATIENT, resourceType: "Bundle" } }],
  },
  labs: {
    name: "laboratory", weight: 1,
    steps: [{ name: "latest labs", dataClass: "clinical-data" as const, path: "/fhir/Observation?patient={patient}&category=laboratory&_count=20", check: { ...SAME_PATIENT, resourceType: "Bundle" } }],
  },
  triage: {
    name: "AI triage", weight: 1,
    // 422: the patient has no vital signs to score, a correct answer for outpatients.
    steps: [{ name: "NEWS2 triage", dataClass: "ai-inference" as const, method: "POST" as const, path: "/fhir/Patient/{patient}/$triage", check: { status: [200, 422], samePatient: true } }],
  },
  alert: {
    name: "emergency alert", weight: 1,
    steps: [{ name: "stat alert", dataClass: "emergency" as const, method: "POST" as const, path: "/fhir/Communication", body: ALERT_BODY, check: { status: [201], samePatient: true, resourceType: "Communication" } }],
  },
  census: {
    name: "ward census", weight: 1,
    steps: [{ name: "census", dataClass: "clinical-data" as const, path: "/fhir/Encounter?location={ward}&status=in-progress&_count=50", check: { status: [200], resourceType: "Bundle" } }],
  },
  /** A clinician's round at one bed: census, then the patient, vitals, labs and triage. */
  roundVisit: {
    name: "round visit", weight: 1,
    steps: [
      { name: "census", dataClass: "clinical-data" as const, path: "/fhir/Encounter?location={ward}&status=in-progress&_count=50", check: { status: [200], resourceType: "Bundle" },
        capture: { as: "patient", path: "entry[*].resource.subject.reference", stripPrefix: "Patient/" } },
      { name: "patient", dataClass: "patient-data" as const, path: "/fhir/Patient/{patient}", thinkMs: [20_000, 60_000], check: { ...SAME_PATIENT, resourceType: "Patient" } },
      { name: "vitals", dataClass: "clinical-data" as const, path: "/fhir/Observation?patient={patient}&category=vital-signs&_sort=-date&_count=20", thinkMs: [30_000, 90_000], check: { ...SAME_PATIENT, resourceType: "Bundle" } },
      { name: "labs", dataClass: "clinical-data" as const, path: "/fhir/Observation?patient={patient}&category=laboratory&_count=20", thinkMs: [30_000, 90_000], check: { ...SAME_PATIENT, resourceType: "Bundle" } },
      { name: "triage", dataClass: "ai-inference" as const, method: "POST" as const, path: "/fhir/Patient/{patient}/$triage", thinkMs: [30_000, 120_000], check: { status: [200, 422], samePatient: true } },
    ],
  },
} satisfies Record<string, Journeys[number]>;

export const weighted = (j: Journeys[number], weight: number) => ({ ...j, weight });

/** The everyday mix: mostly lookups and vitals, some labs, triage and census. */
export const EVERYDAY_MIX: Journeys = [
  weighted(J.lookup, 35), weighted(J.vitals, 30), weighted(J.labs, 15), weighted(J.triage, 10), weighted(J.census, 8), weighted(J.alert, 2),
];
