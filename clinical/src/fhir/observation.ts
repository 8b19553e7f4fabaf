import type { Observation } from "fhir/r4";
import { ACVPU, ACVPU_SYSTEM, LOINC, UCUM, describeCode, type Acvpu } from "./codes";

export interface ObservationRow {
  id: string;
  patient_id: string;
  encounter_id: string | null;
  category: "vital-signs" | "laboratory";
  code: string;
  value_num: number | null;
  value_code: string | null;
  unit: string | null;
  effective_at: Date;
}

export const CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";
export const CATEGORY_DISPLAY = { "vital-signs": "Vital Signs", laboratory: "Laboratory" } as const;

export const OBSERVATION_COLUMNS = "id::text AS id, patient_id, encounter_id, category, code, value_num, value_code, unit, effective_at";

export function toFhirObservation(row: ObservationRow): Observation {
  const { display } = describeCode(row.code);
  const obs: Observation = {
    resourceType: "Observation",
    id: `o-${row.id}`,
    status: "final",
    category: [{ coding: [{ system: CATEGORY_SYSTEM, code: row.category, display: CATEGORY_DISPLAY[row.category] }] }],
    code: { coding: [{ system: LOINC, code: row.code, display }], text: display },
    subject: { reference: `Patient/${row.patient_id}` },
    effectiveDateTime: row.effective_at.toISOString(),
  };
  if (row.encounter_id) obs.encounter = { reference: `Encounter/${row.encounter_id}` };
  if (row.value_num !== null) {
    obs.valueQuantity = { value: row.value_num, unit: row.unit ?? undefined, system: UCUM, code: row.unit ?? undefined };
  } else if (row.value_code) {
    obs.valueCodeableConcept = { coding: [{ system: ACVPU_SYSTEM, code: row.value_code, display: acvpuDisplay(row.value_code) }] };
  }
  return obs;
}

/** The ACVPU level's label; a code outside the scale has none (never an inherited property such as `valueOf`). */
export function acvpuDisplay(code: string): string | undefined {
  return Object.hasOwn(ACVPU, code) ? ACVPU[code as Acvpu] : undefined;
}

/** Observation ids are `o-<number>`; the number is the row's primary key. */
export function observationKey(id: string): string | null {
  return /^o-\d{1,18}$/.test(id) ? id.slice(2) : null;
}
