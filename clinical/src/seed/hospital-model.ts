/** The shape of the synthetic hospital: every number the generator uses, named. */
export const WARDS = ["ward-1a", "ward-1b", "ward-2a", "ward-2b", "ward-3a", "ward-3b", "ward-4a", "ward-4b", "icu-1"] as const;
export const EMERGENCY_DEPARTMENT = "ed-main";
export const OUTPATIENT_CLINIC = "opd-main";

/** Share of patients currently admitted (the ward census) and currently in the ED. */
export const P_CURRENT_INPATIENT = 0.08;
export const P_CURRENT_EMERGENCY = 0.02;
/** Share with a finished admission in the past year, and the number of past clinic visits. */
export const P_PAST_ADMISSION = 0.15;
export const MAX_PAST_CLINIC_VISITS = 3;

/** The hottest 1% of patient ids are ICU-level inpatients with 15-minute vitals. */
export const HOT_PATIENT_FRACTION = 0.01;

/** Minutes between vital-sign sets by acuity, with their weights. */
export const VITALS_INTERVAL_MINUTES = [15, 60, 120, 240] as const;
export const VITALS_INTERVAL_WEIGHTS = [0.05, 0.15, 0.3, 0.5] as const;
export const EMERGENCY_VITALS_INTERVAL_MINUTES = 30;

export const MAX_LENGTH_OF_STAY_DAYS = 10;
export const MAX_ED_STAY_HOURS = 8;
export const LAB_PANEL_INTERVAL_HOURS = 24;

/** Share of admissions that deteriorate (vitals drift towards a high NEWS2) during the stay. */
export const P_DETERIORATING = 0.15;
