/** PostgreSQL COPY text format: tab-separated, \N for NULL. Generated values never hold tabs. */
export function tsvLine(values: readonly (string | number | null)[]): string {
  return values.map((v) => (v === null ? "\\N" : String(v))).join("\t") + "\n";
}

export const TABLE_COLUMNS = {
  patients: ["id", "mrn", "family", "given", "gender", "birth_date"],
  encounters: ["id", "patient_id", "class", "status", "location", "period_start", "period_end"],
  observations: ["id", "patient_id", "encounter_id", "category", "code", "value_num", "value_code", "unit", "effective_at"],
} as const;

export type SeedTable = keyof typeof TABLE_COLUMNS;
