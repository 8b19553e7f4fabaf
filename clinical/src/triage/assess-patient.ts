import type { RiskAssessment } from "fhir/r4";
import type { ClinicalCache } from "../cache/clinical-cache";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { latestVitals, toNews2Input } from "./latest-vitals";
import { news2 } from "./news2";
import { toRiskAssessment } from "./risk-assessment";

/**
 * The patient's current NEWS2 RiskAssessment, cached as triage-results (the assessment keeps
 * the time it was computed; a new vital sign invalidates it). NOT_FOUND without the patient,
 * UNPROCESSABLE when a parameter has never been recorded; neither is cached.
 */
export function assessPatient(db: ClinicalDb, cache: ClinicalCache, patientId: string): Promise<RiskAssessment> {
  return cache.read("triage-results", patientId, "news2", async () => {
    const [exists] = await db.query("patient.exists", "SELECT 1 FROM patients WHERE id = $1", [patientId]);
    if (!exists) throw new ClinicalError("NOT_FOUND", "No patient with that id.");
    const latest = await latestVitals(db, patientId);
    const input = toNews2Input(latest);
    if ("missing" in input) {
      throw new ClinicalError("UNPROCESSABLE", `Cannot score NEWS2: no recorded ${input.missing.join(", ")}.`);
    }
    return toRiskAssessment(patientId, news2(input.input), latest, new Date());
  });
}
