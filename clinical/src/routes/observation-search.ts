import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { ClinicalCache } from "../cache/clinical-cache";
import { normalizedQuery } from "../cache/keys";
import type { ClinicalDb } from "../db/query";
import { searchsetJson } from "../fhir/bundle";
import { LOINC } from "../fhir/codes";
import { dateParams, type DateCondition } from "../fhir/date-param";
import { FHIR_JSON } from "../fhir/operation-outcome";
import { OBSERVATION_COLUMNS, observationKey, type ObservationRow } from "../fhir/observation";
import { idList, linkParams, paging, parseSearch, patientReference } from "../fhir/search-params";
import { observationJson } from "../fhir/observation-json";
import { baseUrl } from "../http/base-url";
import { etagOf } from "../http/etag";
import { pageSql } from "../db/page-sql";
import { PreparedQueries } from "../http/prepared-queries";

const schema = z.object({
  _id: idList.optional(),
  patient: patientReference.optional(),
  category: z.enum(["vital-signs", "laboratory"]).optional(),
  // `http://loinc.org|8867-4` or `8867-4`
  code: z.string().regex(/^((http:\/\/loinc\.org)?\|)?\d{1,7}-\d$/).transform((c) => c.split("|").pop()!).optional(),
  date: dateParams,
  _sort: z.enum(["date", "-date"]).default("-date"),
  ...paging(20, 200),
}).refine((q) => q.patient || q._id, { path: ["patient"], message: "patient or _id is required" });

const DAY_MS = 86_400_000;

/** A date-only `eq` means the whole day (FHIR date precision), other comparisons the instant. */
function dateSql(d: DateCondition, push: (v: unknown) => string): string {
  if (d.operator === "=" && !d.raw.includes("T")) {
    return `effective_at >= ${push(d.at)} AND effective_at < ${push(new Date(d.at.getTime() + DAY_MS))}`;
  }
  return `effective_at ${d.operator} ${push(d.at)}`;
}

type Search = z.infer<typeof schema>;

/**
 * The Bundle's total: a patient's count per category is one primary-key read of
 * observation_counts (kept by triggers); any other filter (ids, code, dates) counts the matches.
 */
function totalSql(q: Search, filter: string, patient: string | undefined, category: string | undefined): string {
  if (patient && !q._id && !q.code && !q.date?.length) {
    return `SELECT coalesce(sum(n), 0)::int AS total FROM observation_counts WHERE patient_id = ${patient}${category ? ` AND category = ${category}` : ""}`;
  }
  return `SELECT count(*)::int AS total FROM observations ${filter}`;
}

/**
 * One page of observations and the total, in one statement (one round trip): the total's row
 * is joined to the page's, so an empty page still returns the total (with null columns).
 */
async function search(db: ClinicalDb, q: Search): Promise<{ total: number; rows: ObservationRow[] }> {
  const params: unknown[] = [];
  const push = (v: unknown) => (params.push(v), `$${params.length}`);
  const where: string[] = [];
  const patient = q.patient ? push(q.patient) : undefined;
  if (patient) where.push(`patient_id = ${patient}`);
  // Ids not shaped `o-<number>` match nothing.
  if (q._id) where.push(`id = ANY(${push(q._id.map(observationKey).filter((k) => k !== null))}::bigint[])`);
  const category = q.category ? push(q.category) : undefined;
  if (category) where.push(`category = ${category}`);
  if (q.code) where.push(`code = ${push(q.code)}`);
  for (const d of q.date ?? []) where.push(dateSql(d, push));
  const filter = `WHERE ${where.join(" AND ")}`;
  const order = q._sort === "-date" ? "effective_at DESC, id DESC" : "effective_at ASC, id ASC";
  const total = totalSql(q, filter, patient, category);
  const page = `SELECT ${OBSERVATION_COLUMNS} FROM observations ${filter} ORDER BY ${order} ${pageSql(q._count, q._offset, push)}`;
  // An empty page is one row: the total with null columns (id null).
  const rows = await db.query<ObservationRow & { total: number }>(
    `observation.search_${q.category ?? "any"}`,
    `SELECT t.total, p.* FROM (${total}) t LEFT JOIN (${page}) p ON true`,
    params,
  );
  return { total: rows[0]?.total ?? 0, rows: rows.filter((r) => r.id !== null) };
}

/**
 * The Bundle last written around a cached page (the same object on every memory hit), with its
 * ETag: a repeated read with the same base URL and links sends the same bytes without
 * rebuilding, encoding or hashing them (the bytes are kept encoded). Held weakly: it goes when the page leaves the cache.
 */
const BODIES = new WeakMap<object, { base: string; links: string; body: Buffer; etag: string }>();

/** A page as each resource's JSON text: the Bundle is written around it without building or serializing resource objects. */
function jsonPage(found: { total: number; rows: ObservationRow[] }) {
  return { total: found.total, entries: found.rows.map((r) => ({ resourceType: "Observation", id: `o-${r.id}`, json: observationJson(r) })) };
}

/**
 * Observation search. Searches within one category are cached per patient and normalized query
 * (vital-signs / laboratory-results) as each resource's JSON text; the Bundle (its links hold the
 * request's base URL) is written per request around the page, cached or not.
 */
type CachedClass = "vital-signs" | "laboratory-results";

/** A search as its URL says it: validated, with its Bundle links, page and (for a cached class) its cache key. */
interface PreparedSearch {
  q: Search;
  links: URLSearchParams;
  linkText: string;
  page: { count: number; offset: number };
  /** The cached class and its per-patient key, or null: this search is not cached. */
  cached: { dataClass: CachedClass; patient: string; variant: string } | null;
}

function prepareSearch(query: unknown): PreparedSearch {
  const q = parseSearch(schema, query);
  const dataClass: CachedClass | null = q.category === "vital-signs" ? "vital-signs" : q.category === "laboratory" ? "laboratory-results" : null;
  const links = linkParams({ ...q, _id: q._id?.join(","), date: q.date?.map((d) => d.raw), code: q.code ? `${LOINC}|${q.code}` : undefined });
  const variant = normalizedQuery({ ...q, patient: undefined, _id: q._id?.join(","), date: q.date?.map((d) => d.raw) });
  const cached = dataClass && q.patient ? { dataClass, patient: q.patient, variant } : null;
  return { q, links, linkText: links.toString(), page: { count: q._count, offset: q._offset }, cached };
}

/**
 * Observation search. Searches within one category are cached per patient and normalized query
 * (vital-signs / laboratory-results) as each resource's JSON text; the Bundle (its links hold the
 * service's base URL) is written per request around the page, cached or not. What the URL alone
 * decides (validation, links, cache key) is prepared once per distinct URL.
 */
export const observationSearchRoutes: FastifyPluginAsync<{ db: ClinicalDb; cache: ClinicalCache }> = async (app, { db, cache }) => {
  const prepared = new PreparedQueries<PreparedSearch>();
  app.get("/fhir/Observation", async (req, reply) => {
    const { q, links, linkText, page, cached: key } = prepared.for(req.url, () => prepareSearch(req.query));
    reply.type(FHIR_JSON).header("cache-control", "private, no-store");
    if (key && cache.caches(key.dataClass)) {
      const cached = await cache.read(key.dataClass, key.patient, key.variant, async () => jsonPage(await search(db, q)));
      const base = baseUrl(req);
      let sent = BODIES.get(cached);
      if (sent?.base !== base || sent.links !== linkText) {
        const body = Buffer.from(searchsetJson(base, "/fhir/Observation", links, page, cached.total, cached.entries));
        BODIES.set(cached, (sent = { base, links: linkText, body, etag: etagOf(body) }));
      }
      return reply.header("etag", sent.etag).send(sent.body);
    }
    const { total, entries } = jsonPage(await search(db, q));
    return reply.send(searchsetJson(baseUrl(req), "/fhir/Observation", links, page, total, entries));
  });
};
