import { z } from "zod";
import { ClinicalError } from "../errors";

export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
export const MAX_OFFSET = 10_000;

/** `_count` and `_offset`, shared by every search; `max` bounds the page per resource type. */
export const paging = (defaultCount: number, max: number) => ({
  _count: z.coerce.number().int().min(1).max(max).default(defaultCount),
  _offset: z.coerce.number().int().min(0).max(MAX_OFFSET).default(0),
});

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
