import type { FastifyPluginAsync } from "fastify";
import type { ClinicalCache } from "../cache/clinical-cache";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { COMMUNICATION_COLUMNS, communicationId, communicationSchema, toFhirCommunication, type CommunicationRow } from "../fhir/communication";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { baseUrl } from "../http/base-url";
import { readId } from "../fhir/search-params";

const INSERT = `INSERT INTO communications (patient_id, priority, status, category, payload)
  SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM patients WHERE id = $1)
  RETURNING ${COMMUNICATION_COLUMNS}`;

/**
 * Emergency alerts: `priority: stat` is the critical path (never shed, see shed-load.ts).
 * Creating one invalidates the patient's emergency-data on every instance before it answers.
 */
export const communicationRoutes: FastifyPluginAsync<{ db: ClinicalDb; cache: ClinicalCache }> = async (app, { db, cache }) => {
  app.post("/fhir/Communication", async (req, reply) => {
    const parsed = communicationSchema.safeParse(req.body);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "body"))];
      throw new ClinicalError("INVALID_INPUT", `Invalid Communication: check ${fields.join(", ")}.`);
    }
    const c = parsed.data;
    const [row] = await db.query<CommunicationRow>("communication.create", INSERT, [
      c.subject.reference.slice(8), c.priority, c.status, c.category?.map((x) => x.text).join("; ") || null, JSON.stringify(c.payload),
    ]);
    if (!row) throw new ClinicalError("UNPROCESSABLE", "The subject patient does not exist.");
    await cache.invalidate({ patientId: row.patient_id, dataClass: "emergency-data" });
    const resource = toFhirCommunication(row);
    return reply.code(201).type(FHIR_JSON).header("location", `${baseUrl(req)}/fhir/Communication/${resource.id}`).send(resource);
  });

  app.get("/fhir/Communication/:id", async (req, reply) => {
    // A well-formed id not shaped `c-<number>` cannot exist: 404, like any other absent id.
    const key = communicationId(readId(req.params, "Communication"));
    const [row] = key ? await db.query<CommunicationRow>("communication.read", `SELECT ${COMMUNICATION_COLUMNS} FROM communications WHERE id = $1`, [key]) : [];
    if (!row) throw new ClinicalError("NOT_FOUND", "No communication with that id.");
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(toFhirCommunication(row));
  });
};
