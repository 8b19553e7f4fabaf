/**
 * The index advisor's vocabulary. The engine is pure: it reaches a database only through
 * `AdvisorDb` (one session), so it runs against node-postgres, PGlite or recorded plans alike.
 */

/** One database session. PREPARE and what-if transactions need the same session throughout. */
export interface AdvisorDb {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** `hypopg`: hypothetical indexes (PostgreSQL). `transaction`: build, EXPLAIN, roll back (PGlite). */
export type WhatIfMethod = "hypopg" | "transaction";

export interface IndexColumn {
  name: string;
  desc: boolean;
}

/** A column compared with a constant in the query text: becomes a partial index's WHERE. */
export interface ConstantPredicate {
  column: string;
  /** SQL for the right-hand side, already a literal (`'in-progress'`, `true`) or `IS NULL`. */
  sql: string;
}

/** An index the advisor may suggest. `where` is empty for a full index. */
export interface Candidate {
  schema: string;
  table: string;
  columns: IndexColumn[];
  where: ConstantPredicate[];
}

/** A normalized statement from pg_stat_statements. */
export interface WorkloadQuery {
  queryId: string;
  query: string;
  calls: number;
  meanMs: number;
  totalMs: number;
}

export interface QueryEffect {
  query: string;
  queryId: string;
  calls: number;
  meanMs: number;
  /** Planner cost of the generic plan today and with the suggested indexes. */
  costBefore: number;
  costAfter: number;
  savedMsPerHour: number;
}

export interface TableActivity {
  /** Rows inserted + updated + deleted per hour since the statistics were reset. */
  writesPerHour: number;
  /** Sequential + index scans per hour over the same window. */
  readsPerHour: number;
  writeHeavy: boolean;
}

export interface Suggestion extends Candidate {
  name: string;
  /** `CREATE INDEX CONCURRENTLY …`, ready to run. */
  ddl: string;
  queries: QueryEffect[];
  /** Sums over the queries it helps. */
  costBefore: number;
  costAfter: number;
  estimatedSavedMsPerHour: number;
  activity: TableActivity;
}

export interface SkippedQuery {
  query: string;
  reason: string;
}

export interface Advice {
  method: WhatIfMethod;
  suggestions: Suggestion[];
  /** Queries looked at (calls ≥ minCalls, on user tables). */
  analyzed: number;
  skipped: SkippedQuery[];
  /** Hours of workload pg_stat_statements has seen (its last reset). */
  windowHours: number;
}
