import type { ClinicalDb } from "../db/query";
import { VITALS, type Acvpu, type VitalKey } from "../fhir/codes";
import type { News2Input } from "./news2";

export interface LatestVital {
  id: string;
  code: string;
  value_num: number | null;
  value_code: string | null;
  effective_at: Date;
}

const KEY_BY_CODE = new Map(Object.entries(VITALS).map(([k, v]) => [v.code, k as VitalKey]));
const VITAL_CODES = [...KEY_BY_CODE.keys()];

/** The most recent observation of each of the seven NEWS2 parameters for one patient. */
export async function latestVitals(db: ClinicalDb, patientId: string): Promise<Map<VitalKey, LatestVital>> {
  const rows = await db.query<LatestVital>(
    "triage.latest_vitals",
    `SELECT DISTINCT ON (code) id::text AS id, code, value_num, value_code, effective_at
       FROM observations
      WHERE patient_id = $1 AND category = 'vital-signs' AND code = ANY($2)
      ORDER BY code, effective_at DESC, id DESC`,
    [patientId, VITAL_CODES],
  );
  return new Map(rows.map((r) => [KEY_BY_CODE.get(r.code)!, r]));
}

export const VITAL_LABEL: Record<VitalKey, string> = {
  heartRate: "heart rate",
  respiratoryRate: "respiratory rate",
  spo2: "oxygen saturation",
  systolicBp: "systolic blood pressure",
  temperature: "temperature",
  consciousness: "level of consciousness",
  inspiredOxygen: "air or supplemental oxygen",
};

/** NEWS2 input from the latest vitals, or the list of what is missing. */
export function toNews2Input(latest: Map<VitalKey, LatestVital>): { input: News2Input } | { missing: string[] } {
  const missing = (Object.keys(VITAL_LABEL) as VitalKey[]).filter((k) => {
    const v = latest.get(k);
    return !v || (k === "consciousness" ? !v.value_code : v.value_num === null);
  });
  if (missing.length) return { missing: missing.map((k) => VITAL_LABEL[k]) };
  const num = (k: VitalKey) => latest.get(k)!.value_num!;
  return {
    input: {
      heartRate: num("heartRate"),
      respiratoryRate: num("respiratoryRate"),
      spo2: num("spo2"),
      systolicBp: num("systolicBp"),
      temperature: num("temperature"),
      onOxygen: num("inspiredOxygen") > 21,
      consciousness: latest.get("consciousness")!.value_code as Acvpu,
    },
  };
}
