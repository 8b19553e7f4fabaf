import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { ClinicalDb } from "../db/query";
import { searchset } from "../fhir/bundle";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { MRN_SYSTEM, toFhirPatient, type PatientRow } from "../fhir/patient";
import { idList, linkParams, paging, parseSearch } from "../fhir/search-params";
import { baseUrl } from "../http/base-url";
import { PATIENT_COLUMNS } from "./patient";

const schema = z.object({
  _id: idList.optional(),
  identifier: z.string().min(1).max(128).optional(),
  name: z.string().trim().min(1).max(100).optional(),
  ...paging(20, 100),
});

/** `system|value` or `value`; a system other than ours matches nothing. */
function parseIdentifier(token: string): { system?: string; value: string } {
  const bar = token.indexOf("|");
  return bar < 0 ? { value: token } : { system: token.slice(0, bar), value: token.slice(bar + 1) };
}

const likePrefix = (s: string) => `${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const patientSearchRoutes: FastifyPluginAsync<{ db: ClinicalDb }> = async (app, { db }) => {
  app.get("/fhir/Patient", async (req, reply) => {
    const q = parseSearch(schema, req.query);
    const where: string[] = [];
    const params: unknown[] = [];
    if (q._id) {
      params.push(q._id);
      where.push(`id = ANY($${params.length})`);
    }
    if (q.identifier) {
      const id = parseIdentifier(q.identifier);
      if (id.system !== undefined && id.system !== "" && id.system !== MRN_SYSTEM) where.push("false");
      params.push(id.value);
      where.push(`mrn = $${params.length}`);
    }
    if (q.name) {
      // FHIR string search: case-insensitive "starts with" on any part of the name.
      params.push(likePrefix(q.name));
      where.push(`(lower(family) LIKE $${params.length} OR lower(given) LIKE $${params.length})`);
    }
    const filter = where.length ? `WHERE ${where.join(" AND ")}` : "";
    // The page and the total in one statement (one round trip): an empty page is one row, the total with null columns.
    const found = await db.query<PatientRow & { total: number }>(
      "patient.search",
      `SELECT t.total, p.* FROM (SELECT count(*)::int AS total FROM patients ${filter}) t
       LEFT JOIN (SELECT ${PATIENT_COLUMNS} FROM patients ${filter} ORDER BY id LIMIT $${params.length + 1} OFFSET $${params.length + 2}) p ON true`,
      [...params, q._count, q._offset],
    );
    const total = found[0]?.total ?? 0;
    const rows = found.filter((r) => r.id !== null);
    const bundle = searchset(baseUrl(req), "/fhir/Patient", linkParams({ ...q, _id: q._id?.join(",") }), { count: q._count, offset: q._offset }, total, rows.map(toFhirPatient));
    return reply.type(FHIR_JSON).header("cache-control", "private, no-store").send(bundle);
  });
};
