import type { FastifyPluginAsync } from "fastify";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { ENCOUNTER_COLUMNS, toFhirEncounter, type EncounterRow } from "../fhir/encounter";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { readId } from "../fhir/search-params";

/** `GET /fhir/Encounter/:id`: what Observation.encounter points at. Not cached. */
export const encounterReadRoutes: FastifyPluginAsync<{ db: ClinicalDb }> = async (app, { db }) => {
  app.get("/fhir/Encounter/:id", async (req, reply) => {
    const id = readId(req.params, "Encounter");
    const [row] = await db.query<EncounterRow>("encounter.read", `SELECT ${ENCOUNTER_COLUMNS} FROM encounters WHERE id = $1`, [id]);
    if (!row) throw new ClinicalError("NOT_FOUND", "No encounter with that id.");
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(toFhirEncounter(row));
  });
};
