import "server-only";
import { env } from "../../env";
import { AppError } from "../../errors";
import { DEFAULT_BUILD_TIMEOUT_MS } from "@/core/engines/index-advisor/build-index";
import type { BuildProgress } from "@/core/engines/index-advisor/build-progress";
import type { Recheck } from "@/core/engines/index-advisor/recheck";
import type { Advice, Candidate } from "@/core/engines/index-advisor/types";
import { clinicalAdmin, ClinicalAdminRefusal } from "../caching/clinical-admin";
import type { ClinicalDatabaseTarget } from "./clinical-database";
import type { ClinicalIndexOps } from "./index-ops";

const BASE = "/admin/database/indexes";

export const EMBEDDED_NOT_CONFIGURED =
  "Index work on the embedded PGlite goes through the clinical service, which owns it: set CLINICAL_ADMIN_SECRET for the console and the clinical service (npm start does this).";

/**
 * How long the console waits for each call. On PGlite the what-if builds every candidate for
 * real (inside a rolled-back transaction) and a build blocks the service's one connection: on the
 * small embedded data that is seconds, but the calls are allowed far longer than a control-plane
 * call. A build waits past the engine's own build timeout, so the service (which drops what it
 * started) gives up first, not the console while the service is still building.
 */
export const REMOTE_TIMEOUTS_MS = { quick: 60_000, advise: 5 * 60_000, build: DEFAULT_BUILD_TIMEOUT_MS + 60_000, drop: 5 * 60_000, progress: 5_000 };

/** A build the service ran and the database failed (the service has dropped any invalid index). */
export class RemoteIndexBuildFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IndexBuildFailed";
  }
}

const only = (c: Candidate) => ({ schema: c.schema, table: c.table, columns: c.columns.map(({ name, desc }) => ({ name, desc })), where: c.where.map(({ column, sql }) => ({ column, sql })) });
const named = (c: Candidate & { name: string }) => ({ ...only(c), name: c.name });

/**
 * The service's answers as the direct implementation's: 409 (refused: another build running,
 * the index exists, a missing extension with its fix) → CONFLICT with the service's message;
 * 422 (the build failed) → an error the apply service records as the build's failure; anything
 * else stays the UNAVAILABLE the signed client raised.
 */
async function call<T>(method: "GET" | "POST", path: string, body: unknown, timeoutMs: number): Promise<T> {
  if (!env().CLINICAL_ADMIN_SECRET) throw new AppError("CONFLICT", EMBEDDED_NOT_CONFIGURED);
  try {
    return await clinicalAdmin<T>(method, `${BASE}/${path}`, body, { timeoutMs });
  } catch (err) {
    if (err instanceof ClinicalAdminRefusal && err.diagnostics) {
      if (err.status === 409) throw new AppError("CONFLICT", err.diagnostics);
      if (err.status === 422) throw new RemoteIndexBuildFailed(err.diagnostics);
      throw new AppError("UNAVAILABLE", `${err.message}: ${err.diagnostics}`);
    }
    throw err;
  }
}

/**
 * Embedded PGlite: the console cannot open `.vigil/clinical` while the clinical service owns it
 * (two processes on one folder silently lose writes), so every index operation is a signed call
 * to the service (clinical/src/routes/admin-database-indexes.ts), which runs the same engine on
 * its own database: transaction what-ifs (PGlite has no HypoPG) and plain CREATE INDEX.
 */
export function remoteIndexOps(target: ClinicalDatabaseTarget): ClinicalIndexOps {
  return {
    target,
    advise: (minCalls) => call<{ advice: Advice; fingerprints: Record<string, string | null> }>("POST", "advise", { minCalls }, REMOTE_TIMEOUTS_MS.advise),
    fingerprint: async (schema, table) => (await call<{ fingerprint: string | null }>("POST", "fingerprint", { schema, table }, REMOTE_TIMEOUTS_MS.quick)).fingerprint,
    ensureAbsent: async (candidate) => void (await call("POST", "ensure-absent", { candidate: named(candidate) }, REMOTE_TIMEOUTS_MS.quick)),
    recheck: (candidate, queries) => call<Recheck>("POST", "recheck", { candidate: only(candidate), queries }, REMOTE_TIMEOUTS_MS.advise),
    statementMeans: async (queryIds) => (await call<{ means: Record<string, { calls: number; meanMs: number }> }>("POST", "statement-means", { queryIds }, REMOTE_TIMEOUTS_MS.quick)).means,
    build: (candidate) => call<{ ms: number; ddl: string }>("POST", "build", { candidate: named(candidate) }, REMOTE_TIMEOUTS_MS.build),
    drop: (schema, name) => call<{ existed: boolean }>("POST", "drop", { schema, name }, REMOTE_TIMEOUTS_MS.drop),
    progress: async () => (await call<{ builds: BuildProgress[] }>("GET", "progress", undefined, REMOTE_TIMEOUTS_MS.progress)).builds,
  };
}
