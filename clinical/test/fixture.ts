import { afterAll, beforeAll } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestClinicalApp } from "./auth-support";
import type { ResourcesConfig } from "../src/http/resources";
import { DEFAULT_ADMISSION_SETTINGS } from "@/core/engines/admission/defaults";
import { DEFAULT_RATE_LIMIT_SETTINGS } from "@/core/engines/admission/rate-limit";
import type { AdmissionSettings } from "@/core/engines/admission/settings";
import { loadHospital } from "../src/seed/load-hospital";
import { capturedLogger, useClinicalDb, type Kind } from "./support";

/** Suites about FHIR behaviour fire bursts from one address; rate limits have their own suite. */
const NO_RATE_LIMIT = { ...DEFAULT_RATE_LIMIT_SETTINGS, enabled: false };

export const FIXTURE = { patients: 300, seed: 11, anchor: new Date("2026-11-26T08:00:00Z") };

/** A seeded clinical database and an app over it, with captured logs, per describe block. */
export function useClinicalApp(kind: Kind, opts: { resources?: ResourcesConfig } = {}) {
  const ctx = useClinicalDb(kind);
  const log = capturedLogger();
  const holder = { app: undefined as unknown as FastifyInstance, log, ctx };
  beforeAll(async () => {
    await loadHospital(ctx.db, FIXTURE);
    holder.app = await buildTestClinicalApp({ db: ctx.db, logger: log.logger, resources: { rateLimit: NO_RATE_LIMIT, ...opts.resources } });
  });
  afterAll(() => holder.app?.close());
  return holder;
}

/** Admission settings that pin the adaptive limit to `n` (the probe too), for deterministic overload tests. */
export function fixedLimit(n: number, overrides: Partial<AdmissionSettings> = {}): AdmissionSettings {
  return { ...DEFAULT_ADMISSION_SETTINGS, minLimit: n, maxLimit: n, initialLimit: n, probeConcurrency: n, ...overrides };
}
