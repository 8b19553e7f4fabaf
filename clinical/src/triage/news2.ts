import type { Acvpu } from "../fhir/codes";

/** The seven NEWS2 parameters (Royal College of Physicians, 2017), SpO2 scale 1. */
export interface News2Input {
  respiratoryRate: number;
  spo2: number;
  onOxygen: boolean;
  systolicBp: number;
  heartRate: number;
  consciousness: Acvpu;
  temperature: number;
}

export type News2Band = "low" | "low-medium" | "medium" | "high";

export interface News2Result {
  score: number;
  band: News2Band;
  /** Points per parameter, for the explanation shown to clinicians. */
  parts: Record<keyof News2Input, number>;
  response: string;
}

/** [upper bound inclusive, points] rows, checked in order; the last row catches the rest. */
type Table = readonly (readonly [number, number])[];
const RESPIRATORY: Table = [[8, 3], [11, 1], [20, 0], [24, 2], [Infinity, 3]];
const SPO2_SCALE_1: Table = [[91, 3], [93, 2], [95, 1], [Infinity, 0]];
const SYSTOLIC: Table = [[90, 3], [100, 2], [110, 1], [219, 0], [Infinity, 3]];
const PULSE: Table = [[40, 3], [50, 1], [90, 0], [110, 1], [130, 2], [Infinity, 3]];
const TEMPERATURE: Table = [[35.0, 3], [36.0, 1], [38.0, 0], [39.0, 1], [Infinity, 2]];

function points(table: Table, value: number): number {
  for (const [upTo, p] of table) if (value <= upTo) return p;
  return table[table.length - 1]![1];
}

export const CLINICAL_RESPONSE: Record<News2Band, string> = {
  low: "Ward-based response: continue routine monitoring (at least 12-hourly).",
  "low-medium": "Urgent ward-based response: a registered nurse assesses and decides on escalation (at least hourly).",
  medium: "Key threshold for urgent response: urgent review by a clinician competent in acute illness.",
  high: "Urgent or emergency response: emergency assessment by a critical-care team, continuous monitoring.",
};

export function news2(input: News2Input): News2Result {
  const parts = {
    respiratoryRate: points(RESPIRATORY, input.respiratoryRate),
    spo2: points(SPO2_SCALE_1, input.spo2),
    onOxygen: input.onOxygen ? 2 : 0,
    systolicBp: points(SYSTOLIC, input.systolicBp),
    heartRate: points(PULSE, input.heartRate),
    consciousness: input.consciousness === "A" ? 0 : 3,
    temperature: points(TEMPERATURE, input.temperature),
  };
  const score = Object.values(parts).reduce((a, b) => a + b, 0);
  const anyRed = Object.values(parts).some((p) => p === 3);
  const band: News2Band = score >= 7 ? "high" : score >= 5 ? "medium" : anyRed ? "low-medium" : "low";
  return { score, band, parts, response: CLINICAL_RESPONSE[band] };
}
