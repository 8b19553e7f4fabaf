import type { FastifyInstance } from "fastify";
import { AdmissionController } from "../../../lib/engines/admission/admission-controller";
import { DEFAULT_ADMISSION_SETTINGS } from "../../../lib/engines/admission/defaults";
import type { AdmissionSettings } from "../../../lib/engines/admission/settings";
import { createAdmissionMetrics } from "../metrics/admission-metrics";
import type { ClinicalMetrics } from "../metrics/registry";
import { admissionControl } from "./admission";

export interface ResourcesConfig {
  /** Adaptive concurrency limit settings (default DEFAULT_ADMISSION_SETTINGS: on). */
  admission?: AdmissionSettings;
}

/** Resource management for the clinical service: admission control by clinical criticality. */
export function setUpResources(app: FastifyInstance, config: ResourcesConfig, metrics: ClinicalMetrics) {
  const admission = new AdmissionController(config.admission ?? DEFAULT_ADMISSION_SETTINGS, performance.now());
  const admissionMetrics = createAdmissionMetrics(metrics.registry, admission);
  admissionControl(app, admission, admissionMetrics);
  return { admission, admissionMetrics };
}

export type ClinicalResources = ReturnType<typeof setUpResources>;
