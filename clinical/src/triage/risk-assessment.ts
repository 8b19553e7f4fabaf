import type { RiskAssessment } from "fhir/r4";
import type { VitalKey } from "../fhir/codes";
import type { LatestVital } from "./latest-vitals";
import { VITAL_LABEL } from "./latest-vitals";
import type { News2Result } from "./news2";

const BAND_DISPLAY = { low: "Low", "low-medium": "Low-medium", medium: "Medium", high: "High" } as const;
export const NEWS2_SCORE_EXTENSION = "urn:vigil:fhir:news2-score";
const STALE_AFTER_MS = 24 * 3_600_000;

const PART_TO_VITAL: Record<keyof News2Result["parts"], VitalKey> = {
  respiratoryRate: "respiratoryRate",
  spo2: "spo2",
  onOxygen: "inspiredOxygen",
  systolicBp: "systolicBp",
  heartRate: "heartRate",
  consciousness: "consciousness",
  temperature: "temperature",
};

/** A RiskAssessment that shows its working: score, band, points per parameter and the basis. */
export function toRiskAssessment(patientId: string, result: News2Result, latest: Map<VitalKey, LatestVital>, now: Date): RiskAssessment {
  const oldest = Math.min(...[...latest.values()].map((v) => v.effective_at.getTime()));
  const breakdown = (Object.keys(result.parts) as (keyof News2Result["parts"])[])
    .map((p) => `${VITAL_LABEL[PART_TO_VITAL[p]]} ${result.parts[p]}`)
    .join(", ");
  const notes = [{ text: `NEWS2 ${result.score} (${breakdown}). ${result.response}` }];
  if (now.getTime() - oldest > STALE_AFTER_MS) {
    notes.push({ text: `Caution: the oldest observation used is from ${new Date(oldest).toISOString()}, more than 24 hours ago.` });
  }
  return {
    resourceType: "RiskAssessment",
    // One current assessment per patient, so it is named by the patient's id: readable at
    // RiskAssessment/<patient id>, recomputed (and cached) exactly as $triage does.
    id: patientId,
    status: "final",
    subject: { reference: `Patient/${patientId}` },
    occurrenceDateTime: now.toISOString(),
    method: { text: "National Early Warning Score 2 (RCP 2017), SpO2 scale 1" },
    code: { text: "Clinical deterioration risk" },
    basis: [...latest.values()].map((v) => ({ reference: `Observation/o-${v.id}` })),
    prediction: [{ outcome: { text: "Clinical deterioration" }, qualitativeRisk: { text: BAND_DISPLAY[result.band], coding: [{ system: "urn:vigil:news2-band", code: result.band }] }, rationale: result.response }],
    extension: [{ url: NEWS2_SCORE_EXTENSION, valueInteger: result.score }],
    note: notes,
  };
}
