import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { ClinicalCache } from "../cache/clinical-cache";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { toFhirPatient, type PatientRow } from "../fhir/patient";
import { FHIR_ID } from "../fhir/search-params";
import { etagOf } from "../http/etag";

const idParams = z.object({ id: z.string().regex(FHIR_ID) });

export const PATIENT_COLUMNS = "id, mrn, family, given, gender, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, updated_at";
const READ_PATIENT = `SELECT ${PATIENT_COLUMNS} FROM patients WHERE id = $1`;

/**
 * `GET /fhir/Patient/:id`, cached as patient-demographics (404s are never cached). The cache holds
 * the response bytes and their ETag, so a hit neither serializes nor hashes anything.
 */
export const patientRoutes: FastifyPluginAsync<{ db: ClinicalDb; cache: ClinicalCache }> = async (app, { db, cache }) => {
  app.get("/fhir/Patient/:id", async (req, reply) => {
    const parsed = idParams.safeParse(req.params);
    // Diagnostics never echo the id: error bodies end up in logs and screenshots.
    if (!parsed.success) throw new ClinicalError("INVALID_INPUT", "Patient id must be 1-64 characters of A-Z, a-z, 0-9, '-' or '.'.");
    const patient = await cache.read("patient-demographics", parsed.data.id, "", async () => {
      const [row] = await db.query<PatientRow>("patient.read", READ_PATIENT, [parsed.data.id]);
      if (!row) throw new ClinicalError("NOT_FOUND", "No patient with that id.");
      const body = JSON.stringify(toFhirPatient(row));
      return { body, etag: etagOf(body) };
    });
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").header("etag", patient.etag).send(patient.body);
  });
};
