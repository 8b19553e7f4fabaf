import "server-only";
import { AppError } from "../../errors";
import type { ClinicalDatabaseTarget } from "./clinical-database";
import type { ClinicalIndexOps } from "./clinical-index-ops";

/** What the page shows (and every embedded operation answers) until the control plane carries index work. */
export const EMBEDDED_UNAVAILABLE =
  "Index advice and builds from the console need the clinical database on PostgreSQL (set CLINICAL_DATABASE_URL for the console and the clinical service). " +
  "The embedded PGlite is owned by the clinical service process, which does not yet expose index operations over its signed control plane; " +
  "the advisor's transaction method itself works on PGlite (tested), so that route is the missing piece.";

/**
 * Embedded PGlite: the console cannot open `.vigil/clinical` while the service owns it (two
 * processes on one folder silently lose writes). Every operation refuses with the reason
 * rather than touching the folder; progress is an empty list (nothing can build).
 */
export function remoteIndexOps(target: ClinicalDatabaseTarget): ClinicalIndexOps {
  const refuse = async (): Promise<never> => {
    throw new AppError("CONFLICT", EMBEDDED_UNAVAILABLE);
  };
  return { target, advise: refuse, fingerprint: refuse, ensureAbsent: refuse, recheck: refuse, statementMeans: refuse, build: refuse, drop: refuse, progress: async () => [] };
}
