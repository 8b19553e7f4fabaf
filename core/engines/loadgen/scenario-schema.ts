import { z } from "zod";
import { DATA_CLASSES } from "./thresholds";

const range = z.tuple([z.number().min(0), z.number().min(0)]).refine(([a, b]) => a <= b, "min must not exceed max");

export const checkSchema = z.object({
  status: z.array(z.number().int().min(100).max(599)).min(1).default([200]),
  resourceType: z.string().optional(),
  /** The response must be about the patient this iteration asked for (the safety check). */
  samePatient: z.boolean().default(false),
});

export const stepSchema = z.object({
  name: z.string().min(1).max(60),
  method: z.enum(["GET", "POST"]).default("GET"),
  /** `{patient}` and `{ward}` and captured names are substituted; always a path on the target. */
  path: z.string().startsWith("/").max(300),
  body: z.unknown().optional(),
  /** Pause before this step, in ms of real (uncompressed) time. */
  thinkMs: range.optional(),
  check: checkSchema.default({ status: [200], samePatient: false }),
  /** Which clinical data class the step reads or writes (class thresholds and throughput floors). */
  dataClass: z.enum(DATA_CLASSES).optional(),
  /** Picks one value at random from the response and stores it for later steps. */
  capture: z.object({ as: z.string().regex(/^[a-z][A-Za-z]*$/), path: z.string(), stripPrefix: z.string().optional() }).optional(),
});

export const journeySchema = z.object({
  name: z.string().min(1).max(60),
  weight: z.number().positive(),
  steps: z.array(stepSchema).min(1).max(30),
});

const rateStage = z.object({ durationS: z.number().positive().max(3600), target: z.number().min(0).max(100_000) });

export const loadProfileSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("open"), startRate: z.number().min(0), stages: z.array(rateStage).min(1), maxInFlight: z.number().int().positive() }),
  /** Breaking-point search: raise the arrival rate step by step until a threshold fails. */
  z.object({ kind: z.literal("stress"), startRate: z.number().positive(), stepRate: z.number().positive(), stepDurationS: z.number().positive().max(600), maxRate: z.number().positive(), maxInFlight: z.number().int().positive() }),
  z.object({
    kind: z.literal("closed"),
    startVUs: z.number().int().min(0),
    stages: z.array(rateStage).min(1),
    thinkTimeMs: range.optional(),
    iterationsPerVU: z.number().int().positive().optional(),
  }),
]);

export const scenarioSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  title: z.string(),
  description: z.string(),
  profile: loadProfileSchema,
  journeys: z.array(journeySchema).min(1),
  /** Real time divided by this: 60 turns a 2-hour round into 2 minutes (think times shrink too). */
  timeScale: z.number().min(1).max(3600).default(1),
  patients: z.object({ count: z.number().int().min(1), zipfS: z.number().min(0).max(3).default(0) }).default({ count: 1000, zipfS: 0 }),
  wards: z.array(z.string()).default(["ward-1a", "ward-1b", "ward-2a", "ward-2b", "ward-3a", "ward-3b", "ward-4a", "ward-4b"]),
  thresholds: z.array(z.object({ scope: z.string(), expression: z.string() })).optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Journey = z.infer<typeof journeySchema>;
