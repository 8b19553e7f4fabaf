/** The clinical endpoints the benchmarks drive, with how each picks its patient. */
import { patientId } from "../clinical/src/seed/synthetic-patients";

export type Endpoint = { name: string; method: "GET" | "POST"; path: (rand: () => number, patients: number) => string; body?: string };
const pick = (rand: () => number, n: number) => patientId(1 + Math.floor(rand() * n));
export const ENDPOINTS: Endpoint[] = [
  { name: "patient read", method: "GET", path: (r, n) => `/fhir/Patient/${pick(r, n)}` },
  { name: "patient search (identifier)", method: "GET", path: (r, n) => `/fhir/Patient?identifier=SYN-${String(1 + Math.floor(r() * n)).padStart(7, "0")}` },
  { name: "vital signs (latest 10)", method: "GET", path: (r, n) => `/fhir/Observation?patient=${pick(r, Math.max(1, n / 100))}&category=vital-signs&_sort=-date&_count=10` },
  { name: "laboratory (latest 10)", method: "GET", path: (r, n) => `/fhir/Observation?patient=${pick(r, n)}&category=laboratory&_count=10` },
  { name: "ward census", method: "GET", path: () => `/fhir/Encounter?location=ward-2a&status=in-progress&_count=50` },
  { name: "AI triage (NEWS2)", method: "POST", path: (r, n) => `/fhir/Patient/${pick(r, Math.max(1, n / 100))}/$triage` },
  {
    name: "emergency alert (stat)", method: "POST", path: () => "/fhir/Communication",
    body: JSON.stringify({ resourceType: "Communication", status: "completed", priority: "stat", subject: { reference: "Patient/p-000001" }, payload: [{ contentString: "Benchmark alert" }] }),
  },
];

