import "server-only";
import { env } from "../../env";
import { AppError } from "../../errors";
import { adminHeaders } from "../../engines/cache/signature";
import type { ClinicalDatabaseTarget } from "./clinical-database";
import type { ClinicalIndexOps } from "./clinical-index-ops";

/** The embedded database's index work can take seconds (each what-if builds for real). */
const REMOTE_TIMEOUT_MS = 120_000;

interface OperationOutcome {
  issue?: { diagnostics?: string }[];
}

/** A signed call to the clinical service's database control plane (HMAC with CLINICAL_ADMIN_SECRET). */
async function call<T>(path: string, body: unknown): Promise<T> {
  const secret = env().CLINICAL_ADMIN_SECRET;
  if (!secret) throw new AppError("CONFLICT", "The embedded clinical database is reached through the clinical service: set CLINICAL_ADMIN_SECRET for the console and the service (npm start does), or set CLINICAL_DATABASE_URL.");
  const text = JSON.stringify(body);
  let res: Response;
  try {
    res = await fetch(new URL(path, env().CLINICAL_URL), {
      method: "POST",
      body: text,
      headers: { ...adminHeaders(secret, "POST", path, text), "content-type": "application/json" },
      signal: AbortSignal.timeout(REMOTE_TIMEOUT_MS),
    });
  } catch (err) {
    throw new AppError("UNAVAILABLE", `The clinical service did not answer (${(err as Error).message}).`);
  }
  if (res.ok) return (await res.json()) as T;
  const reason = ((await res.json().catch(() => ({}))) as OperationOutcome).issue?.[0]?.diagnostics ?? `status ${res.status}`;
  throw new AppError(res.status === 409 ? "CONFLICT" : res.status === 400 ? "INVALID_INPUT" : "UNAVAILABLE", reason);
}

/**
 * Index operations on the embedded PGlite, run by the clinical service (the folder's one owner)
 * inside its own process: `POST /admin/database/<operation>` (clinical/src/routes/admin-database.ts).
 */
export function remoteIndexOps(target: ClinicalDatabaseTarget): ClinicalIndexOps {
  return {
    target,
    advise: (minCalls) => call("/admin/database/advise", { minCalls }),
    fingerprint: (schema, table) => call<{ fingerprint: string | null }>("/admin/database/fingerprint", { schema, table }).then((r) => r.fingerprint),
    recheck: (candidate, queries) => call("/admin/database/recheck", { candidate, queries }),
    statementMeans: (queryIds) => call("/admin/database/statement-means", { queryIds }),
    build: (candidate) => call("/admin/database/build", { candidate }),
    drop: (schema, name) => call("/admin/database/drop", { schema, name }),
    // A PGlite build blocks its only connection: there is no concurrent progress to read.
    progress: async () => [],
  };
}
