import "server-only";
import { AppError } from "../../errors";
import { adviseIndexes } from "@/core/engines/index-advisor/advise";
import { buildIndex, dropIndex, ensureAbsent, IndexBuildRefused } from "@/core/engines/index-advisor/build-index";
import { readBuildProgress } from "@/core/engines/index-advisor/build-progress";
import { MissingExtensionError } from "@/core/engines/index-advisor/extensions";
import { recheckSuggestion, tableFingerprint } from "@/core/engines/index-advisor/recheck";
import { readStatementMeans } from "@/core/engines/index-advisor/workload";
import { clinicalDatabaseTarget, withClinicalSession, type ClinicalDatabaseTarget } from "./clinical-database";
import type { ClinicalIndexOps } from "./index-ops";
import { remoteIndexOps } from "./remote-index-ops";

export type { ClinicalIndexOps };


/** Engine refusals become typed console errors; a missing extension carries its fix. */
export function translateIndexError(err: unknown): never {
  if (err instanceof MissingExtensionError) throw new AppError("CONFLICT", `${err.message}. To enable it: ${err.fix.join(" ; ")}`);
  if (err instanceof IndexBuildRefused) throw new AppError("CONFLICT", err.message);
  throw err;
}

const direct = (target: ClinicalDatabaseTarget): ClinicalIndexOps => ({
  target,
  advise: (minCalls) =>
    withClinicalSession(async (sql) => {
      const advice = await adviseIndexes(sql, { method: target.method, minCalls }).catch(translateIndexError);
      const fingerprints: Record<string, string | null> = {};
      for (const s of advice.suggestions) fingerprints[`${s.schema}.${s.table}`] ??= await tableFingerprint(sql, s.schema, s.table);
      return { advice, fingerprints };
    }),
  fingerprint: (schema, table) => withClinicalSession((sql) => tableFingerprint(sql, schema, table)),
  ensureAbsent: (candidate) => withClinicalSession((sql) => ensureAbsent(sql, candidate).catch(translateIndexError)),
  recheck: (candidate, queries) => withClinicalSession((sql) => recheckSuggestion(sql, target.method, candidate, queries)),
  statementMeans: (ids) => withClinicalSession((sql) => readStatementMeans(sql, ids)),
  build: (candidate) => withClinicalSession((sql) => buildIndex(sql, candidate, { concurrently: true }).catch(translateIndexErrorKeepFailure)),
  drop: (schema, name) => withClinicalSession((sql) => dropIndex(sql, schema, name, { concurrently: true }).catch(translateIndexError)),
  progress: () => withClinicalSession((sql) => readBuildProgress(sql)),
});

/** Build failures (IndexBuildFailed) pass through: the apply service records and reports them. */
function translateIndexErrorKeepFailure(err: unknown): never {
  if (err instanceof IndexBuildRefused) translateIndexError(err);
  throw err;
}

export function clinicalIndexOps(): ClinicalIndexOps {
  const target = clinicalDatabaseTarget();
  return target.kind === "postgres" ? direct(target) : remoteIndexOps(target);
}
