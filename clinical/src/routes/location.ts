import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { ClinicalDb } from "../db/query";
import { ClinicalError } from "../errors";
import { searchset } from "../fhir/bundle";
import { toFhirLocation } from "../fhir/location";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { idList, linkParams, paging, parseSearch, readId } from "../fhir/search-params";
import { baseUrl } from "../http/base-url";

const schema = z.object({ _id: idList.optional(), ...paging(50, 500) });

/** Wards: `GET /fhir/Location/:id` (what Encounter.location points at) and `?_id=` search. */
export const locationRoutes: FastifyPluginAsync<{ db: ClinicalDb }> = async (app, { db }) => {
  app.get("/fhir/Location/:id", async (req, reply) => {
    const id = readId(req.params, "Location");
    const [row] = await db.query("location.read", "SELECT 1 FROM encounters WHERE location = $1 LIMIT 1", [id]);
    if (!row) throw new ClinicalError("NOT_FOUND", "No location with that id.");
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(toFhirLocation(id));
  });

  app.get("/fhir/Location", async (req, reply) => {
    const q = parseSearch(schema, req.query);
    const filter = q._id ? "WHERE location = ANY($1)" : "";
    const rows = await db.query<{ location: string }>("location.search", `SELECT DISTINCT location FROM encounters ${filter} ORDER BY location`, q._id ? [q._id] : []);
    const page = rows.slice(q._offset, q._offset + q._count).map((r) => toFhirLocation(r.location));
    const bundle = searchset(baseUrl(req), "/fhir/Location", linkParams({ ...q, _id: q._id?.join(",") }), { count: q._count, offset: q._offset }, rows.length, page);
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(bundle);
  });
};
