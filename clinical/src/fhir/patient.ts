import type { Patient } from "fhir/r4";

export interface PatientRow {
  id: string;
  mrn: string;
  family: string;
  given: string;
  gender: "male" | "female" | "other" | "unknown";
  birth_date: string;
  updated_at: Date;
}

export const MRN_SYSTEM = "urn:vigil:synthetic-mrn";

/** FHIR R4 Patient from a row; every record here is synthetic and tagged so. */
export function toFhirPatient(row: PatientRow): Patient {
  return {
    resourceType: "Patient",
    id: row.id,
    meta: {
      lastUpdated: row.updated_at.toISOString(),
      tag: [{ system: "urn:vigil:data-origin", code: "synthetic", display: "Synthetic test data, not a real person" }],
    },
    identifier: [{ use: "usual", system: MRN_SYSTEM, value: row.mrn }],
    name: [{ use: "official", family: row.family, given: [row.given] }],
    gender: row.gender,
    birthDate: row.birth_date,
  };
}
