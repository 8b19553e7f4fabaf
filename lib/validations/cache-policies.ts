import { z } from "zod";
import { CACHE_DATA_CLASSES, cachePoliciesSchema, invalidationSchema } from "@/core/engines/cache/policy";

const num = z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number("Enter a number"));

/**
 * The Caching page's policy form: flat fields `<class>.ttlS`, `<class>.graceS`, `<class>.l1`
 * (checkbox), `<class>.maxEntryBytes` → the policy set, validated with the shared schema.
 */
export function policiesFromForm(form: Record<string, unknown>) {
  const raw = Object.fromEntries(CACHE_DATA_CLASSES.map((c) => [c, {
    ttlS: num.safeParse(form[`${c}.ttlS`]).data ?? NaN,
    graceS: num.safeParse(form[`${c}.graceS`]).data ?? NaN,
    l1: form[`${c}.l1`] === "on" || form[`${c}.l1`] === true || form[`${c}.l1`] === "true",
    maxEntryBytes: num.safeParse(form[`${c}.maxEntryBytes`]).data ?? NaN,
  }]));
  return cachePoliciesSchema.safeParse(raw);
}

/** The invalidation form: empty fields mean "not this filter". */
export const invalidationFormSchema = z.preprocess(
  (v) => Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== "" && x !== undefined)),
  invalidationSchema,
);
