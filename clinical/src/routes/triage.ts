import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { ClinicalCache } from "../cache/clinical-cache";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { FHIR_ID } from "../fhir/search-params";
import { assessPatient } from "../triage/assess-patient";

const params = z.object({ id: z.string().regex(FHIR_ID) });
// The operation takes no inputs yet; an empty Parameters resource (or no body) is accepted.
const body = z.union([z.undefined(), z.null(), z.object({ resourceType: z.literal("Parameters"), parameter: z.array(z.unknown()).max(0).optional() }).strict()]);

/**
 * The AI-inference endpoint: NEWS2 deterioration risk from the patient's latest vital signs.
 * Cached as triage-results (see assess-patient.ts); the same assessment is readable at
 * `GET /fhir/RiskAssessment/<patient id>`.
 */
export const triageRoutes: FastifyPluginAsync<{ db: ClinicalDb; cache: ClinicalCache }> = async (app, { db, cache }) => {
  app.post("/fhir/Patient/:id/$triage", async (req, reply) => {
    const p = params.safeParse(req.params);
    if (!p.success) throw new ClinicalError("INVALID_INPUT", "Patient id must be 1-64 characters of A-Z, a-z, 0-9, '-' or '.'.");
    if (!body.safeParse(req.body).success) throw new ClinicalError("INVALID_INPUT", "Body must be empty or a Parameters resource with no parameters.");
    const assessment = await assessPatient(db, cache, p.data.id);
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(assessment);
  });
};
