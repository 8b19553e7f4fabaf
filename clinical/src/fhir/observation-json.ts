import { ACVPU_SYSTEM, LOINC, UCUM, describeCode } from "./codes";
import { CATEGORY_DISPLAY, CATEGORY_SYSTEM, acvpuDisplay, type ObservationRow } from "./observation";

/** A JSON string literal (escaped as JSON.stringify does). */
const str = (s: string) => JSON.stringify(s);

/**
 * The JSON text of `toFhirObservation(row)`, byte for byte what `JSON.stringify` gives for it
 * (the same keys in the same order, absent values left out), written straight from the row:
 * a search page skips building ten resource objects only to serialize them again, the largest
 * per-request cost of an uncached search after the database read. Kept equal by
 * clinical/test/observation-json.test.ts.
 */
export function observationJson(row: ObservationRow): string {
  const { display } = describeCode(row.code);
  const shownDisplay = display === undefined ? "" : `,"display":${str(display)}`;
  let json = `{"resourceType":"Observation","id":${str(`o-${row.id}`)},"status":"final","category":[{"coding":[{"system":"${CATEGORY_SYSTEM}","code":${str(row.category)},"display":${str(CATEGORY_DISPLAY[row.category])}}]}],"code":{"coding":[{"system":"${LOINC}","code":${str(row.code)}${shownDisplay}}]${display === undefined ? "" : `,"text":${str(display)}`}},"subject":{"reference":${str(`Patient/${row.patient_id}`)}},"effectiveDateTime":"${row.effective_at.toISOString()}"`;
  if (row.encounter_id) json += `,"encounter":{"reference":${str(`Encounter/${row.encounter_id}`)}}`;
  if (row.value_num !== null) {
    const unit = row.unit === null ? "" : `,"unit":${str(row.unit)}`;
    json += `,"valueQuantity":{"value":${JSON.stringify(row.value_num)}${unit},"system":"${UCUM}"${row.unit === null ? "" : `,"code":${str(row.unit)}`}}`;
  } else if (row.value_code) {
    const label = acvpuDisplay(row.value_code);
    json += `,"valueCodeableConcept":{"coding":[{"system":"${ACVPU_SYSTEM}","code":${str(row.value_code)}${label === undefined ? "" : `,"display":${str(label)}`}}]}`;
  }
  return `${json}}`;
}
