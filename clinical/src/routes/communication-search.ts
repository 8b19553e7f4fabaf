import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { ClinicalDb } from "../db/query";
import { searchset } from "../fhir/bundle";
import { COMMUNICATION_COLUMNS, communicationId, toFhirCommunication, type CommunicationRow } from "../fhir/communication";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { idList, linkParams, paging, parseSearch } from "../fhir/search-params";
import { baseUrl } from "../http/base-url";

const schema = z.object({ _id: idList, ...paging(20, 100) });

/** `GET /fhir/Communication?_id=c-1,c-2`: alerts by id (ids not shaped `c-<number>` match nothing). */
export const communicationSearchRoutes: FastifyPluginAsync<{ db: ClinicalDb }> = async (app, { db }) => {
  app.get("/fhir/Communication", async (req, reply) => {
    const q = parseSearch(schema, req.query);
    const keys = q._id.map(communicationId).filter((k): k is string => k !== null);
    const [{ total } = { total: 0 }] = await db.query<{ total: number }>("communication.search_count", "SELECT count(*)::int AS total FROM communications WHERE id = ANY($1::bigint[])", [keys]);
    const rows = await db.query<CommunicationRow>(
      "communication.search",
      `SELECT ${COMMUNICATION_COLUMNS} FROM communications WHERE id = ANY($1::bigint[]) ORDER BY id LIMIT $2 OFFSET $3`,
      [keys, q._count, q._offset],
    );
    const bundle = searchset(baseUrl(req), "/fhir/Communication", linkParams({ ...q, _id: q._id.join(",") }), { count: q._count, offset: q._offset }, total, rows.map(toFhirCommunication));
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(bundle);
  });
};
