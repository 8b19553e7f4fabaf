import type { LabKey } from "../fhir/codes";
import { gaussian } from "./vitals";

/** Mean and spread per lab in its unit; severity moves creatinine, WBC and lactate up. */
const LAB_DISTRIBUTION: Record<LabKey, { mean: number; sd: number; sick: number; digits: number }> = {
  creatinine: { mean: 0.95, sd: 0.2, sick: 1.5, digits: 2 },
  potassium: { mean: 4.2, sd: 0.35, sick: 0.6, digits: 1 },
  sodium: { mean: 139, sd: 2.5, sick: -4, digits: 0 },
  hemoglobin: { mean: 13.5, sd: 1.4, sick: -2.5, digits: 1 },
  wbc: { mean: 7.5, sd: 2, sick: 9, digits: 1 },
  lactate: { mean: 1.2, sd: 0.4, sick: 3, digits: 1 },
};

export function labValue(rand: () => number, lab: LabKey, severity: number): number {
  const d = LAB_DISTRIBUTION[lab];
  const v = Math.max(0.01, d.mean + d.sick * severity + d.sd * gaussian(rand));
  return Math.round(v * 10 ** d.digits) / 10 ** d.digits;
}
