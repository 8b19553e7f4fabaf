import type { Encounter } from "fhir/r4";

export interface EncounterRow {
  id: string;
  patient_id: string;
  class: "IMP" | "EMER" | "AMB";
  status: "in-progress" | "finished";
  location: string;
  period_start: Date;
  period_end: Date | null;
}

const ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
const CLASS_DISPLAY = { IMP: "inpatient encounter", EMER: "emergency", AMB: "ambulatory" } as const;

export const ENCOUNTER_COLUMNS = "id, patient_id, class, status, location, period_start, period_end";

export function toFhirEncounter(row: EncounterRow): Encounter {
  return {
    resourceType: "Encounter",
    id: row.id,
    status: row.status,
    class: { system: ACT_CODE, code: row.class, display: CLASS_DISPLAY[row.class] },
    subject: { reference: `Patient/${row.patient_id}` },
    period: { start: row.period_start.toISOString(), ...(row.period_end ? { end: row.period_end.toISOString() } : {}) },
    location: [{ location: { reference: `Location/${row.location}`, display: row.location }, status: row.status === "in-progress" ? "active" : "completed" }],
  };
}
