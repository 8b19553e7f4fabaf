import type { FastifyPluginAsync } from "fastify";
import type { RiskAssessment } from "fhir/r4";
import { z } from "zod";
import type { ClinicalCache } from "../cache/clinical-cache";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { searchset } from "../fhir/bundle";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { idList, linkParams, paging, parseSearch, readId } from "../fhir/search-params";
import { baseUrl } from "../http/base-url";
import { assessPatient } from "../triage/assess-patient";

// Each id is one (possibly cached) NEWS2 computation: a smaller page than other searches.
const schema = z.object({ _id: idList.refine((ids) => ids.length <= 20, "at most 20 ids"), ...paging(20, 20) });

/** The current assessment, or null where there is none (no such patient, vitals never recorded). */
async function current(db: ClinicalDb, cache: ClinicalCache, patientId: string): Promise<RiskAssessment | null> {
  try {
    return await assessPatient(db, cache, patientId);
  } catch (err) {
    if (err instanceof ClinicalError && (err.code === "NOT_FOUND" || err.code === "UNPROCESSABLE")) return null;
    throw err;
  }
}

/**
 * `GET /fhir/RiskAssessment/:id` and `?_id=`: a patient's current NEWS2 assessment, id = the
 * patient's id, the same (cached) answer `$triage` gives.
 */
export const riskAssessmentRoutes: FastifyPluginAsync<{ db: ClinicalDb; cache: ClinicalCache }> = async (app, { db, cache }) => {
  app.get("/fhir/RiskAssessment/:id", async (req, reply) => {
    const assessment = await current(db, cache, readId(req.params, "RiskAssessment"));
    if (!assessment) throw new ClinicalError("NOT_FOUND", "No risk assessment with that id.");
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(assessment);
  });

  app.get("/fhir/RiskAssessment", async (req, reply) => {
    const q = parseSearch(schema, req.query);
    const found: RiskAssessment[] = [];
    for (const id of new Set(q._id)) {
      const a = await current(db, cache, id);
      if (a) found.push(a);
    }
    const page = found.slice(q._offset, q._offset + q._count);
    const bundle = searchset(baseUrl(req), "/fhir/RiskAssessment", linkParams({ ...q, _id: q._id.join(",") }), { count: q._count, offset: q._offset }, found.length, page);
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(bundle);
  });
};
