import { createQueryNames, type QueryNames } from "@/core/engines/db-insight/query-names";
import type { ClinicalDb } from "./query";

/**
 * The service's one table of query names by normalized SQL text, filled by the queries it runs
 * (`db.query(name, sql)`), so pg_stat_statements' rows get the names the metrics use
 * (`observation.search`, `encounter.search_count`, …) and can never drift from the code.
 */
export function withQueryNames(db: ClinicalDb, names: QueryNames = createQueryNames()): { db: ClinicalDb; names: QueryNames } {
  const named: ClinicalDb = {
    ...db,
    kind: db.kind,
    query(name, sql, params) {
      names.register(name, sql);
      return db.query(name, sql, params);
    },
  };
  return { db: named, names };
}
