import { PLANNED_PAGE_ROWS } from "./defaults";
import type { AdvisorDb, WorkloadQuery } from "./types";

/**
 * A database made of recordings: the catalog rows, pg_stat_statements rows and, per statement,
 * the generic plan's total cost with each hypothetical index (keyed by its key SQL, "" = none).
 * It answers the advisor's SQL the way PostgreSQL with HypoPG does, and logs every statement.
 */
export interface Recording {
  tables: { schema: string; name: string; rows: number; columns: string[] }[];
  stats?: { schema: string; name: string; column: string; n_distinct: number }[];
  indexes?: { schema: string; table: string; name: string; method: string; valid: boolean; partial: boolean; columns: string[]; descending: boolean[] }[];
  workload: WorkloadQuery[];
  windowHours: number;
  activity?: { schema: string; name: string; writes: number; reads: number; hours: number }[];
  /** statement → (index key SQL → plan cost); the cheapest present index wins. */
  plans: Record<string, Record<string, number>>;
  extensions?: string[];
}

export function recordedDb(rec: Recording): AdvisorDb & { log: string[] } {
  const hypo: { name: string; key: string }[] = [];
  const prepared = new Map<string, string>();
  const log: string[] = [];
  const extensions = rec.extensions ?? ["pg_stat_statements", "hypopg"];
  const rows = (r: unknown[]) => ({ rows: r as never[] });
  return {
    log,
    async query(sql: string, params: unknown[] = []) {
      log.push(sql);
      if (sql.includes("FROM pg_extension")) return rows(extensions.includes(String(params[0])) ? [{ "?column?": 1 }] : []);
      if (sql.includes("server_version_num")) return rows([{ db: "recorded", major: 15, preload: "pg_stat_statements", hypopg: true }]);
      if (sql.includes("FROM pg_stat_statements_info")) return rows([{ hours: rec.windowHours }]);
      if (sql.includes("FROM pg_stat_statements")) {
        if (sql.includes("LIMIT 1")) return rows([]);
        return rows(rec.workload.filter((w) => w.calls >= Number(params[0])).map((w) => ({ query_id: w.queryId, query: w.query, calls: w.calls, total_ms: w.totalMs })));
      }
      if (sql.includes("FROM pg_stat_user_tables")) return rows(rec.activity ?? []);
      if (sql.includes("current_schemas")) return rows([{ path: ["public"] }]);
      if (sql.includes("FROM pg_stats")) return rows(rec.stats ?? []);
      if (sql.includes("FROM pg_index")) return rows(rec.indexes ?? []);
      if (sql.includes("FROM pg_class")) return rows(rec.tables);
      if (sql.includes("hypopg_create_index")) {
        const key = String(params[0]).replace(/^CREATE INDEX \S+ ON /, "");
        const name = `<${9000 + hypo.length}>btree_hypo`;
        hypo.push({ name, key });
        return rows([{ indexname: name }]);
      }
      if (sql.includes("hypopg_reset")) return (hypo.length = 0), rows([]);
      const prep = /^PREPARE (\S+)(?: \(([^)]*)\))? AS ([\s\S]*)$/.exec(sql);
      if (prep) return prepared.set(prep[1]!, workloadText(prep[3]!, prep[2])), rows([]);
      const exec = /^EXPLAIN \(FORMAT JSON\) EXECUTE (\w+)/.exec(sql);
      if (exec) return rows([{ "QUERY PLAN": plan(rec.plans[prepared.get(exec[1]!)!] ?? {}, hypo) }]);
      if (sql.startsWith("DEALLOCATE")) return prepared.delete(sql.split(" ")[1]!), rows([]);
      if (/^(SET|RESET|BEGIN|ROLLBACK|SAVEPOINT|RELEASE)/.test(sql)) return rows([]);
      throw new Error(`recorded db: unexpected statement ${sql}`);
    },
  };
}

/**
 * Recordings are keyed by the workload's text: a statement planned with its paging parameters
 * written as one page (`LIMIT 10`, `OFFSET 0`, their `$n` declared bigint) maps back to it.
 */
function workloadText(planned: string, types: string | undefined): string {
  const pinned = (types ?? "").split(", ").flatMap((t, i) => (t === "bigint" ? [i + 1] : []));
  let text = planned;
  const limit = new RegExp(`LIMIT ${PLANNED_PAGE_ROWS}\\b`);
  for (const n of pinned) text = limit.test(text) && !/LIMIT \$/.test(text) ? text.replace(limit, `LIMIT $${n}`) : text.replace(/OFFSET 0\b/, `OFFSET $${n}`);
  return text;
}

function plan(costs: Record<string, number>, hypo: { name: string; key: string }[]) {
  let best: { cost: number; index?: string } = { cost: costs[""] ?? 1 };
  for (const h of hypo) {
    const c = costs[h.key];
    if (c !== undefined && c < best.cost) best = { cost: c, index: h.name };
  }
  const node = best.index ? { "Node Type": "Index Scan", "Index Name": best.index, "Total Cost": best.cost } : { "Node Type": "Seq Scan", "Total Cost": best.cost };
  return [{ Plan: { "Node Type": "Limit", "Total Cost": best.cost, Plans: [node] } }];
}
