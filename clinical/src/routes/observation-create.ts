import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { ClinicalCache } from "../cache/clinical-cache";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { ACVPU, LOINC, VITALS } from "../fhir/codes";
import { OBSERVATION_COLUMNS, toFhirObservation, type ObservationRow } from "../fhir/observation";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { baseUrl } from "../http/base-url";

const VITAL_BY_CODE = new Map(Object.values(VITALS).map((v) => [v.code, v]));
const CONSCIOUSNESS = VITALS.consciousness.code;

/** A recorded vital sign: one NEWS2 parameter, a number (or an ACVPU code for consciousness). */
const vitalSignSchema = z
  .object({
    resourceType: z.literal("Observation"),
    status: z.enum(["final", "amended", "preliminary"]),
    category: z.array(z.object({ coding: z.array(z.object({ system: z.string().optional(), code: z.literal("vital-signs") })).min(1) })).length(1),
    code: z.object({ coding: z.array(z.object({ system: z.literal(LOINC).optional(), code: z.string().refine((c) => VITAL_BY_CODE.has(c)) })).length(1) }),
    subject: z.object({ reference: z.string().regex(/^Patient\/[A-Za-z0-9\-.]{1,64}$/) }),
    encounter: z.object({ reference: z.string().regex(/^Encounter\/[A-Za-z0-9\-.]{1,64}$/).transform((r) => r.slice(10)) }).optional(),
    effectiveDateTime: z.iso.datetime({ offset: true }),
    valueQuantity: z.object({ value: z.number().finite().min(0).max(100_000), unit: z.string().max(20).optional() }).optional(),
    valueCodeableConcept: z.object({ coding: z.array(z.object({ code: z.enum(Object.keys(ACVPU) as [keyof typeof ACVPU]) })).length(1) }).optional(),
  })
  .superRefine((o, ctx) => {
    const code = o.code.coding[0]!.code;
    const wantsCode = code === CONSCIOUSNESS;
    if (wantsCode ? !o.valueCodeableConcept || o.valueQuantity : !o.valueQuantity || o.valueCodeableConcept) {
      ctx.addIssue({ code: "custom", path: [wantsCode ? "valueCodeableConcept" : "valueQuantity"], message: "wrong or missing value type for this code" });
    }
    const unit = VITAL_BY_CODE.get(code)?.unit;
    if (o.valueQuantity?.unit !== undefined && o.valueQuantity.unit !== unit) ctx.addIssue({ code: "custom", path: ["valueQuantity", "unit"], message: "unexpected unit" });
  });

const INSERT = `INSERT INTO observations (id, patient_id, encounter_id, category, code, value_num, value_code, unit, effective_at)
  SELECT nextval('observations_id_seq'), $1, $2, 'vital-signs', $3, $4, $5, $6, $7 WHERE EXISTS (SELECT 1 FROM patients WHERE id = $1)
  RETURNING ${OBSERVATION_COLUMNS}`;

/**
 * `POST /fhir/Observation`: records one vital sign. Before answering it invalidates the patient's
 * cached vital signs and triage result on every instance, so no read after it sees the old ones.
 */
export const observationCreateRoutes: FastifyPluginAsync<{ db: ClinicalDb; cache: ClinicalCache }> = async (app, { db, cache }) => {
  app.post("/fhir/Observation", async (req, reply) => {
    const parsed = vitalSignSchema.safeParse(req.body);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "body"))];
      throw new ClinicalError("INVALID_INPUT", `Invalid vital-sign Observation: check ${fields.join(", ")}.`);
    }
    const o = parsed.data;
    const code = o.code.coding[0]!.code;
    const patientId = o.subject.reference.slice(8);
    const [row] = await db.query<ObservationRow>("observation.create", INSERT, [
      patientId, o.encounter?.reference ?? null, code, o.valueQuantity?.value ?? null,
      o.valueCodeableConcept?.coding[0]!.code ?? null, VITAL_BY_CODE.get(code)?.unit ?? null, new Date(o.effectiveDateTime),
    ]);
    if (!row) throw new ClinicalError("UNPROCESSABLE", "The subject patient does not exist.");
    await cache.invalidate({ patientId, dataClass: "vital-signs" });
    await cache.invalidate({ patientId, dataClass: "triage-results" });
    const resource = toFhirObservation(row);
    return reply.code(201).type(FHIR_JSON).header("location", `${baseUrl(req)}/fhir/Observation/${resource.id}`).send(resource);
  });
};
