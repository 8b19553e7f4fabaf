import { z } from "zod";

/** FHIR date search prefixes this service supports, as SQL comparison operators. */
const PREFIX_OPERATOR = { ge: ">=", gt: ">", le: "<=", lt: "<", eq: "=" } as const;

const dateParam = z
  .string()
  .regex(/^(ge|gt|le|lt|eq)?\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/)
  .transform((raw, ctx) => {
    const prefix = (/^(ge|gt|le|lt|eq)/.exec(raw)?.[1] ?? "eq") as keyof typeof PREFIX_OPERATOR;
    const value = raw.replace(/^(ge|gt|le|lt|eq)/, "");
    const at = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: "invalid date" });
      return z.NEVER;
    }
    return { raw, operator: PREFIX_OPERATOR[prefix], at };
  });

/** `date=ge2026-11-01&date=lt2026-11-02`: one value or several, each a prefixed date. */
export const dateParams = z.union([dateParam.transform((d) => [d]), z.array(dateParam).max(4)]).optional();

export type DateCondition = { raw: string; operator: string; at: Date };
