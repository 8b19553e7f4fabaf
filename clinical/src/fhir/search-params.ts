import { z } from "zod";
import { ClinicalError } from "../errors";

export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
export const MAX_OFFSET = 10_000;

/** `_count` and `_offset`, shared by every search; `max` bounds the page per resource type. */
export const paging = (defaultCount: number, max: number) => ({
  _count: z.coerce.number().int().min(1).max(max).default(defaultCount),
  _offset: z.coerce.number().int().min(0).max(MAX_OFFSET).default(0),
});

/** Ids one `_id` search may name (comma-separated, FHIR's "or"). */
export const MAX_IDS_PER_SEARCH = 100;

/** `_id=a,b,c`: the logical ids to match; every search takes it. */
export const idList = z
  .string()
  .transform((v) => v.split(","))
  .pipe(z.array(z.string().regex(FHIR_ID)).min(1).max(MAX_IDS_PER_SEARCH));

/** The `:id` of a read; diagnostics never echo it (error bodies end up in logs and screenshots). */
export function readId(params: unknown, type: string): string {
  const id = (params as { id?: unknown } | undefined)?.id;
  if (typeof id !== "string" || !FHIR_ID.test(id)) throw new ClinicalError("INVALID_INPUT", `${type} id must be 1-64 characters of A-Z, a-z, 0-9, '-' or '.'.`);
  return id;
}

/** `p-000001` or `Patient/p-000001`. */
export const patientReference = z
  .string()
  .transform((v) => (v.startsWith("Patient/") ? v.slice(8) : v))
  .pipe(z.string().regex(FHIR_ID));

/**
 * Validates a query string strictly: unknown parameters are refused (naming the parameter,
 * never echoing its value), repeated ones only where the schema takes an array.
 */
export function parseSearch<S extends z.ZodObject>(schema: S, query: unknown): z.infer<S> {
  const q = (query ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(q).filter((k) => !(k in schema.shape));
  if (unknown.length) throw new ClinicalError("INVALID_INPUT", `Unsupported search parameter(s): ${unknown.map((k) => k.slice(0, 40)).join(", ")}.`);
  const parsed = schema.safeParse(q);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? "query")))];
    throw new ClinicalError("INVALID_INPUT", `Invalid value for search parameter(s): ${names.join(", ")}.`);
  }
  return parsed.data;
}

/** Rebuilds the query for Bundle links from validated values only. */
export function linkParams(values: Record<string, unknown>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (k === "_count" || k === "_offset" || v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
  }
  return q;
}
