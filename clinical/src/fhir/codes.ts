/** LOINC codes and UCUM units for what the service records. */
export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
export const ACVPU_SYSTEM = "urn:vigil:acvpu";

export type VitalKey = "heartRate" | "respiratoryRate" | "spo2" | "systolicBp" | "temperature" | "consciousness" | "inspiredOxygen";

export const VITALS: Record<VitalKey, { code: string; display: string; unit?: string }> = {
  heartRate: { code: "8867-4", display: "Heart rate", unit: "/min" },
  respiratoryRate: { code: "9279-1", display: "Respiratory rate", unit: "/min" },
  spo2: { code: "59408-5", display: "Oxygen saturation in Arterial blood by Pulse oximetry", unit: "%" },
  systolicBp: { code: "8480-6", display: "Systolic blood pressure", unit: "mm[Hg]" },
  temperature: { code: "8310-5", display: "Body temperature", unit: "Cel" },
  consciousness: { code: "67775-7", display: "Level of responsiveness" },
  // FiO2 21% is room air; above it the patient is on supplemental oxygen.
  inspiredOxygen: { code: "3150-0", display: "Inhaled oxygen concentration", unit: "%" },
};

export type LabKey = "creatinine" | "potassium" | "sodium" | "hemoglobin" | "wbc" | "lactate";

export const LABS: Record<LabKey, { code: string; display: string; unit: string }> = {
  creatinine: { code: "2160-0", display: "Creatinine [Mass/volume] in Serum or Plasma", unit: "mg/dL" },
  potassium: { code: "2823-3", display: "Potassium [Moles/volume] in Serum or Plasma", unit: "mmol/L" },
  sodium: { code: "2951-2", display: "Sodium [Moles/volume] in Serum or Plasma", unit: "mmol/L" },
  hemoglobin: { code: "718-7", display: "Hemoglobin [Mass/volume] in Blood", unit: "g/dL" },
  wbc: { code: "6690-2", display: "Leukocytes [#/volume] in Blood by Automated count", unit: "10*3/uL" },
  lactate: { code: "2524-7", display: "Lactate [Moles/volume] in Serum or Plasma", unit: "mmol/L" },
};

export const ACVPU = { A: "Alert", C: "New confusion", V: "Responds to voice", P: "Responds to pain", U: "Unresponsive" } as const;
export type Acvpu = keyof typeof ACVPU;

const BY_CODE = new Map<string, { display: string; unit?: string }>([...Object.values(VITALS), ...Object.values(LABS)].map((d) => [d.code, d]));

export function describeCode(code: string): { display: string; unit?: string } {
  return BY_CODE.get(code) ?? { display: code };
}
