/**
 * Admission classes of the clinical service and their criticality (Google SRE's names). Kept
 * free of zod so client components (the Resources page) can import them.
 */
export const ADMISSION_CLASSES = ["emergency", "patient-data", "clinical-data", "ai-inference"] as const;
export type AdmissionClass = (typeof ADMISSION_CLASSES)[number];

/** The classes the adaptive limit governs; emergency has its own partition outside it. */
export const LIMITED_CLASSES = ["patient-data", "clinical-data", "ai-inference"] as const;
export type LimitedClass = (typeof LIMITED_CLASSES)[number];

export type Criticality = "CRITICAL_PLUS" | "CRITICAL" | "SHEDDABLE_PLUS" | "SHEDDABLE";

export const CRITICALITY: Record<AdmissionClass, Criticality> = {
  emergency: "CRITICAL_PLUS",
  "patient-data": "CRITICAL",
  "clinical-data": "SHEDDABLE_PLUS",
  "ai-inference": "SHEDDABLE",
};

/** Lowest criticality first: the order in which classes lose borrowed capacity under overload. */
export const SHED_ORDER: readonly LimitedClass[] = ["ai-inference", "clinical-data", "patient-data"];

export const isLimited = (c: AdmissionClass): c is LimitedClass => c !== "emergency";
