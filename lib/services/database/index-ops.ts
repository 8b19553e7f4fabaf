import type { BuildProgress } from "@/core/engines/index-advisor/build-progress";
import type { Recheck } from "@/core/engines/index-advisor/recheck";
import type { Advice, Candidate } from "@/core/engines/index-advisor/types";
import type { ClinicalDatabaseTarget } from "./clinical-database";

/**
 * Every index operation the console performs on the clinical database, behind one interface:
 * direct sessions on PostgreSQL, or the clinical service's signed control plane for embedded
 * PGlite (remote-index-ops.ts). Refusals are CONFLICT AppErrors either way; a failed build is
 * a plain error the apply service records.
 */
export interface ClinicalIndexOps {
  target: ClinicalDatabaseTarget;
  advise(minCalls: number): Promise<{ advice: Advice; fingerprints: Record<string, string | null> }>;
  fingerprint(schema: string, table: string): Promise<string | null>;
  /** CONFLICT when the index (or one leading with its key) already exists. */
  ensureAbsent(candidate: Candidate & { name: string }): Promise<void>;
  recheck(candidate: Candidate, queries: string[]): Promise<Recheck>;
  statementMeans(queryIds: string[]): Promise<Record<string, { calls: number; meanMs: number }>>;
  build(candidate: Candidate & { name: string }): Promise<{ ms: number; ddl: string }>;
  drop(schema: string, name: string): Promise<{ existed: boolean }>;
  progress(): Promise<BuildProgress[]>;
}
