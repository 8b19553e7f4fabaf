import type { FastifyPluginAsync } from "fastify";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { OBSERVATION_COLUMNS, observationKey, toFhirObservation, type ObservationRow } from "../fhir/observation";
import { readId } from "../fhir/search-params";

/** `GET /fhir/Observation/:id` (`o-<number>`): what RiskAssessment.basis points at. Not cached. */
export const observationReadRoutes: FastifyPluginAsync<{ db: ClinicalDb }> = async (app, { db }) => {
  app.get("/fhir/Observation/:id", async (req, reply) => {
    const key = observationKey(readId(req.params, "Observation"));
    const [row] = key ? await db.query<ObservationRow>("observation.read", `SELECT ${OBSERVATION_COLUMNS} FROM observations WHERE id = $1`, [key]) : [];
    if (!row) throw new ClinicalError("NOT_FOUND", "No observation with that id.");
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(toFhirObservation(row));
  });
};
