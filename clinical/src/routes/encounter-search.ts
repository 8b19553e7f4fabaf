import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { ClinicalDb } from "../db/query";
import { searchset } from "../fhir/bundle";
import { ENCOUNTER_COLUMNS, toFhirEncounter, type EncounterRow } from "../fhir/encounter";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { FHIR_ID, idList, linkParams, paging, parseSearch, patientReference } from "../fhir/search-params";
import { baseUrl } from "../http/base-url";

const schema = z.object({
  _id: idList.optional(),
  location: z.string().transform((v) => (v.startsWith("Location/") ? v.slice(9) : v)).pipe(z.string().regex(FHIR_ID)).optional(),
  status: z.enum(["in-progress", "finished"]).optional(),
  patient: patientReference.optional(),
  ...paging(50, 500),
});

/** The ward census that morning rounds walk: `?location=ward-4b&status=in-progress`. */
export const encounterSearchRoutes: FastifyPluginAsync<{ db: ClinicalDb }> = async (app, { db }) => {
  app.get("/fhir/Encounter", async (req, reply) => {
    const q = parseSearch(schema, req.query);
    const params: unknown[] = [];
    const push = (v: unknown) => (params.push(v), `$${params.length}`);
    const where: string[] = [];
    if (q._id) where.push(`id = ANY(${push(q._id)})`);
    if (q.location) where.push(`location = ${push(q.location)}`);
    if (q.status) where.push(`status = ${push(q.status)}`);
    if (q.patient) where.push(`patient_id = ${push(q.patient)}`);
    const filter = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const [{ total } = { total: 0 }] = await db.query<{ total: number }>("encounter.search_count", `SELECT count(*)::int AS total FROM encounters ${filter}`, params);
    const rows = await db.query<EncounterRow>(
      "encounter.search",
      `SELECT ${ENCOUNTER_COLUMNS} FROM encounters ${filter} ORDER BY period_start DESC, id LIMIT ${push(q._count)} OFFSET ${push(q._offset)}`,
      params,
    );
    const bundle = searchset(baseUrl(req), "/fhir/Encounter", linkParams({ ...q, _id: q._id?.join(",") }), { count: q._count, offset: q._offset }, total, rows.map(toFhirEncounter));
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(bundle);
  });
};
