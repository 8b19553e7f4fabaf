import type { Advice } from "./types";

/** The CLI's and the download's JSON, exactly as documented in the README. */
export interface AdviceJson {
  suggestions: { table: string; columns: string[]; ddl: string; queries: string[]; costBefore: number; costAfter: number; estimatedSavedMsPerHour: number }[];
  method: Advice["method"];
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function adviceJson(advice: Advice): AdviceJson {
  return {
    suggestions: advice.suggestions.map((s) => ({
      table: s.schema === "public" ? s.table : `${s.schema}.${s.table}`,
      columns: s.columns.map((c) => (c.desc ? `${c.name} DESC` : c.name)),
      ddl: s.ddl,
      queries: s.queries.map((q) => q.query),
      costBefore: round(s.costBefore),
      costAfter: round(s.costAfter),
      estimatedSavedMsPerHour: round(s.estimatedSavedMsPerHour, 1),
    })),
    method: advice.method,
  };
}
