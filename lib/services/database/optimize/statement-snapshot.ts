import "server-only";
import { AppError } from "../../../errors";
import type { StatementCounters } from "@/core/engines/db-insight/query-means";
import { fetchInsight } from "../get-insight";

/** pg_stat_statements' counters now (through the clinical service), for before/after means. */
export async function statementSnapshot(): Promise<StatementCounters[]> {
  const res = await fetchInsight();
  if (!res.ok) throw new AppError("UNAVAILABLE", res.reason);
  const s = res.insight.statements;
  if (!s.available) throw new AppError("CONFLICT", `${s.reason} Fix: ${s.enable.join(" ")}`);
  return s.top.map(({ queryId, name, query, calls, totalMs }) => ({ queryId, name, query, calls, totalMs }));
}
