import { z } from "zod";
import { MAX_PRICE_PER_HOUR, type PriceTable } from "@/core/engines/cost/prices";

const price = (what: string) =>
  z.coerce
    .number(`${what}: a number`)
    .refine(Number.isFinite, `${what}: a number`)
    .min(0, `${what} cannot be negative`)
    .max(MAX_PRICE_PER_HOUR, `${what}: at most ${MAX_PRICE_PER_HOUR} USD per hour (check the decimal point)`);

/** The Resources page's price form (USD per hour each); an error names its field. */
export const priceTableSchema = z.object({
  vcpuHour: price("Price per vCPU-hour"),
  gibHour: price("Price per GiB-hour"),
  replicaHour: price("Price per replica-hour"),
});
const _schemaMatchesTable: z.ZodType<PriceTable, unknown> = priceTableSchema;
void _schemaMatchesTable;

/** Form fields arrive as strings; an empty one is missing, not zero. */
export function priceTableFromForm(form: Record<string, unknown>) {
  const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
  return priceTableSchema.safeParse({ vcpuHour: blankToUndefined(form.vcpuHour), gibHour: blankToUndefined(form.gibHour), replicaHour: blankToUndefined(form.replicaHour) });
}
